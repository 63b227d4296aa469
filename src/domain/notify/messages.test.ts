import { DEFAULT_POLICY as P } from '../policy'
import { holidaysOn } from './holidays'
import { newMessage, render, TEMPLATES } from './messages'

describe('N3 messages', () => {
  test('every template renders a title and a body in both languages and names a page', () => {
    for (const t of TEMPLATES) {
      const r = render(t, { giver: '李明', balanceFen: 60_000, days: 14, expiresOn: '2027-02-22', name: '王芳', until: '2027-01-01', holidayZh: '元旦', holidayEn: "New Year's Day", titleZh: '感恩晚宴', titleEn: 'Thanks dinner', date: '2026-12-18', place: '静安店', bonusFen: 10_000, friend: '小美', faceValueFen: 60_000 }, P)
      for (const l of [r.title, r.body]) expect(l.zh.length * l.en.length).toBeGreaterThan(0)
      expect(r.page).toMatch(/^pages\//)
    }
  })
  test('the friend\'s expiry reminder names the giver and the offer, nothing about treatment (C2)', () => {
    const r = render('card_expiry', { giver: '李明', balanceFen: 45_000, days: 3, expiresOn: '2027-02-22' }, P)
    expect(r.body.zh).toContain('李明')
    expect(r.body.zh).toContain('¥450.00')
    expect(r.body.en).toContain('expires in 3 days')
    expect(`${r.title.zh}${r.body.zh}`).not.toMatch(/治疗|种植|拔牙|正畸/)
  })
  test('the renewal reminder names the chain\'s own member discount (M2), not a fixed one', () => {
    expect(render('membership_expiry', { until: '2027-01-01' }, P).body.zh).toContain('88折')
    const r = render('membership_expiry', { until: '2027-01-01' }, { ...P, membership: { ...P.membership, discountBp: 1500 } })
    expect(r.body.zh).toContain('85折')
    expect(r.body.en).toContain('15% off')
  })
  test('a message queued in quiet hours records when it is held until', () => {
    const now = new Date('2026-12-01T14:00:00Z')
    const later = new Date('2026-12-02T00:00:00Z')
    expect(newMessage('k', { openid: 'o' }, 'birthday', {}, now, later)).toMatchObject({ status: 'queued', attempts: 0, notBefore: later.toISOString(), heldUntil: later.toISOString() })
    expect(newMessage('k', { openid: 'o' }, 'birthday', {}, now, now).heldUntil).toBeUndefined()
  })
})

describe('N1 holidays', () => {
  test('yearly dates (MM-DD) and one-off dates (lunar holidays) from the policy', () => {
    expect(holidaysOn('2027-01-01', P).map((h) => h.name.en)).toEqual(["New Year's Day"])
    expect(holidaysOn('2027-02-06', P).map((h) => h.name.zh)).toEqual(['春节'])
    expect(holidaysOn('2028-02-06', P)).toEqual([])
    expect(holidaysOn('2026-10-01', P).map((h) => h.name.zh)).toEqual(['国庆节'])
  })
})
