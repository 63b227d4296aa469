/**
 * The compiled mini-program's home page (dist/pages/index/index), rendered by
 * miniprogram-simulate with WeChat's wxml compiler. Cloud calls are answered with canned
 * `Result`s. What a member or a guest sees: M1 (tier, progress to lifetime), M2 (88折),
 * M6 (cumulative spend), R5 (bonus), C2 (a guest sees no member data).
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { MemberHome, Persona, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const HOME = 'pages/index/index'

const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const MEMBER: Persona = { kind: 'patient', patientId: 'pat_annual', name: '王芳' }
const HOME_DATA: MemberHome = {
  patientId: 'pat_annual',
  name: '王芳',
  recordNo: '100004',
  tier: 'annual',
  annualUntil: '2027-04-22T15:59:59.999Z',
  cumulativeSpendFen: 860_000,
  lifetimeThresholdFen: 3_000_000,
  progress: 860_000 / 3_000_000,
  discountBp: 1200,
  hasMemberDiscount: true,
  bonusBalanceFen: 20_000,
  ledger: [
    { id: 'bonus:1', kind: 'bonus_credit', amountFen: 20_000, balanceAfterFen: 20_000, at: '2026-11-01T03:00:00.000Z', memo: '推荐奖励' },
    { id: 'bill:1', kind: 'bill_payment', amountFen: 860_000, balanceAfterFen: 860_000, at: '2026-06-30T17:00:00.000Z' },
  ],
}

/** The cloud as a member's phone sees it: whoami → a patient; member.home → their standing. */
const memberCloud: CloudHandler = (name, event) => {
  if (name === 'identity' && event.action === 'whoami') return ok({ openid: 'o-member', persona: MEMBER })
  if (name === 'member' && event.action === 'home') return ok(HOME_DATA)
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('member home on the compiled mini-program', () => {
  test('a member sees their tier, discount, spend, bonus and the progress bar to lifetime (M1, M2, M6, R5)', async () => {
    page = await renderPage(HOME, memberCloud)
    const p = page
    await p.waitFor(() => p.byId('member-tier') !== null, 'the member tier')

    expect(p.textOf('whoami-name')).toBe('王芳')
    expect(p.textOf('member-tier')).toBe('年度会员')
    expect(p.textOf('member-discount')).toBe('88折')
    expect(p.textOf('member-spend')).toBe('¥8,600.00')
    expect(p.textOf('member-bonus')).toBe('¥200.00')

    // M1: the bar is filled to the share of ¥30,000 already paid (¥8,600 → 29%), with the amounts.
    const progress = p.byId('member-progress')
    expect(progress).not.toBeNull()
    expect(p.textOf('member-progress')).toContain('29%')
    expect(p.textOf('member-progress')).toContain('¥8,600.00 / ¥30,000.00')
    const fill = progress!.querySelector('.progress__fill')
    expect(fill).not.toBeNull()
    expect((fill!.getAttribute('style') ?? '').replace(/\s/g, '')).toContain('width:29%')
    expect(p.text()).toContain('再消费 ¥21,400.00 即自动成为终身家庭会员')
    // One language on screen (issue 12): no English beside the Chinese.
    for (const en of ['Annual member', 'Member discount', 'more to become', 'My member code', 'History']) expect(p.text()).not.toContain(en)

    // The history: signed amounts, newest first, with the balance after each entry.
    const ledger = p.textOf('ledger-list') ?? ''
    expect(ledger).toContain('奖励金入账')
    expect(ledger).not.toContain('bonus:1') // no internal ids
    expect(ledger).toContain('+¥200.00')
    expect(ledger).toContain('+¥8,600.00')
    expect(ledger).toContain('2026-07-01') // 17:00 UTC on 30 June is 1 July in the clinic's zone
    expect(ledger.indexOf('+¥200.00')).toBeLessThan(ledger.indexOf('+¥8,600.00'))

    // The page asked the cloud exactly what the contract says, in order.
    expect(p.calls).toEqual([
      { name: 'identity', data: { action: 'whoami' } },
      { name: 'member', data: { action: 'home' } },
      { name: 'family', data: { action: 'get' } }, // M3: the family panel (this stub has none: the home still shows)
    ])
    // No guest welcome for a member.
    expect(p.byId('guest-welcome')).toBeNull()
  })

  test('"我的会员码" opens the member code page', async () => {
    page = await renderPage(HOME, memberCloud)
    const p = page
    await p.waitFor(() => p.byId('goto-code') !== null, 'the member code button')
    const wx = (globalThis as unknown as { wx: { navigateTo: (o: { url: string }) => unknown } }).wx
    const navigateTo = jest.spyOn(wx, 'navigateTo')
    try {
      await p.tap('goto-code')
      await p.waitFor(() => navigateTo.mock.calls.length > 0, 'wx.navigateTo')
      expect(navigateTo.mock.calls[0][0]).toMatchObject({ url: '/pages/member/code/index' })
    } finally {
      navigateTo.mockRestore()
    }
  })

  test('a failed call shows the error banner in Chinese (no code), not a blank page', async () => {
    page = await renderPage(HOME, (name, event) =>
      name === 'member'
        ? { ok: false, error: { code: 'INTERNAL', message: { zh: '系统繁忙，请稍后再试', en: 'Something went wrong; please try again later' } } }
        : memberCloud(name, event),
    )
    const p = page
    await p.waitFor(() => p.byId('error-banner') !== null, 'the error banner')
    expect(p.textOf('error-banner')).toContain('系统繁忙，请稍后再试')
    expect(p.textOf('error-banner')).not.toContain('Something went wrong') // one language on screen (issue 12)
    expect(p.textOf('error-banner')).not.toContain('INTERNAL')
    expect(p.byId('member-tier')).toBeNull()
  })
})

describe('guest home on the compiled mini-program (C2)', () => {
  test('a WeChat user who is not a patient gets the welcome and no member data', async () => {
    const asked: string[] = []
    page = await renderPage(HOME, (name, event) => {
      asked.push(`${name}.${String(event.action)}`)
      if (name === 'identity') return ok({ openid: 'o-friend', persona: { kind: 'guest' } satisfies Persona })
      return { ok: false, error: { code: 'FORBIDDEN', message: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' } } }
    })
    const p = page
    await p.waitFor(() => p.byId('guest-welcome') !== null, 'the guest welcome')

    expect(p.textOf('guest-welcome')).toContain('欢迎来到牙友')
    expect(p.textOf('guest-welcome')).not.toContain('Welcome') // one language on screen (issue 12)
    for (const id of ['member-tier', 'member-spend', 'member-progress', 'member-bonus', 'ledger-list', 'goto-code', 'error-banner']) {
      expect(p.byId(id)).toBeNull()
    }
    expect(p.text()).not.toContain('病历号')
    // C2: the guest's phone never even asks for member data.
    expect(asked).toEqual(['identity.whoami'])
  })
})
