/**
 * The compiled mini-program's tab pages (dist/pages/index/index and dist/pages/me/index), rendered
 * by miniprogram-simulate with WeChat's wxml compiler. Cloud calls are answered with canned
 * `Result`s. What a member, a family member, a lifetime member, staff or a guest sees (issue 12):
 * the badge (M1, M3), progress to lifetime only while it can be reached (M1), spend (M6) and bonus
 * (R5) apart, the grid, the tabBar, true copy for guests (C2: and no member data).
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { AccountHistory, LedgerLine, MemberHome, Persona, Result } from '../../src/api/contract'
import { DIST, renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const HOME = 'pages/index/index'
const ME = 'pages/me/index'

const ok = <T>(data: T): Result<T> => ({ ok: true, data })
const history = (lines: LedgerLine[], openingFen = 0): AccountHistory => ({ lines, openingFen, balanceFen: lines[0]?.balanceAfterFen ?? openingFen, more: false })

const MEMBER: Persona = { kind: 'patient', patientId: 'pat_annual', name: '王芳' }
// Two payments on the same clinic day (1 July), newest first, then the spend brought from before.
const SPEND = history([
  { id: 'bill:2:payment', kind: 'bill_payment', amountFen: 371_412, billId: 'bill_2', balanceAfterFen: 860_000, at: '2026-07-01T06:30:00.000Z' },
  { id: 'bill:1:payment', kind: 'bill_payment', amountFen: 88_588, billId: 'bill_1', balanceAfterFen: 488_588, at: '2026-07-01T01:00:00.000Z' },
], 400_000)
const BONUS = history([
  { id: 'b:2', kind: 'bonus_debit', amountFen: -5_000, balanceAfterFen: 20_000, at: '2026-11-02T03:00:00.000Z' },
  { id: 'b:1', kind: 'referral_reward', amountFen: 25_000, balanceAfterFen: 25_000, at: '2026-11-01T03:00:00.000Z' },
])
const HOME_DATA: MemberHome = {
  patientId: 'pat_annual',
  name: '王芳',
  recordNo: '100004',
  tier: 'annual',
  badge: 'annual',
  maskedPhone: '137****1111',
  annualUntil: '2027-04-22T15:59:59.999Z',
  cumulativeSpendFen: 860_000,
  lifetimeThresholdFen: 3_000_000,
  progress: 860_000 / 3_000_000,
  discountBp: 1200,
  hasMemberDiscount: true,
  bonusBalanceFen: 20_000,
  spend: SPEND,
  bonus: BONUS,
  ledger: [...BONUS.lines, ...SPEND.lines],
}
const FAMILY_HOME: MemberHome = { ...HOME_DATA, patientId: 'pat_family_wife', name: '张丽', tier: 'none', badge: 'family', annualUntil: undefined, familyOwnerName: '李明' }
const LIFETIME_HOME: MemberHome = { ...HOME_DATA, patientId: 'pat_lifetime', name: '李明', tier: 'lifetime', badge: 'lifetime', annualUntil: undefined, cumulativeSpendFen: 4_236_000, progress: 1 }

const unexpected = (name: string, action: unknown): Result<never> => ({ ok: false, error: { code: 'UNKNOWN_ACTION' as never, message: { zh: '没有这个操作', en: `unexpected ${name}.${String(action)}` } } })

/** The cloud as a member's phone sees it: whoami → a patient; member.home → their standing. */
const cloudFor = (home: MemberHome, persona: Persona = { kind: 'patient', patientId: home.patientId, name: home.name }): CloudHandler => (name, event) => {
  if (name === 'identity' && event.action === 'whoami') return ok({ openid: 'o-member', persona })
  if (name === 'member' && event.action === 'home') return ok(home)
  if (name === 'identity' && event.action === 'profile') return ok({ displayName: `${home.name.slice(0, 1)}*`, defaultDisplayName: `${home.name.slice(0, 1)}*`, referralCode: 'DKH87NJG' })
  return unexpected(name, event.action)
}
const memberCloud = cloudFor(HOME_DATA, MEMBER)

type Wx = Record<'navigateTo' | 'switchTab', (o: { url: string }) => unknown>
const wx = () => (globalThis as unknown as { wx: Wx }).wx

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('member home on the compiled mini-program', () => {
  test('a member sees the badge, discount, spend, bonus, the grid and the progress bar to lifetime (M1, M2, M6, R5)', async () => {
    page = await renderPage(HOME, memberCloud)
    const p = page
    await p.waitFor(() => p.byId('member-tier') !== null, 'the member tier')

    expect(p.textOf('whoami-name')).toBe('王芳')
    expect(p.textOf('member-tier')).toBe('年度会员')
    expect(p.textOf('member-discount')).toBe('88折')
    expect(p.textOf('member-spend')).toBe('¥8,600.00')
    expect(p.textOf('member-bonus')).toBe('¥200.00')
    // The grid of entries, in words people use.
    const grid = p.textOf('home-grid') ?? ''
    for (const label of ['会员码', '亲友卡', '推荐好友', '优惠券', '家庭成员', '会员活动', '消息', '我的数据']) expect(grid).toContain(label)

    // M1: the bar is filled to the share of ¥30,000 already paid (¥8,600 → 29%), with the amounts.
    const progress = p.byId('member-progress')
    expect(p.textOf('member-progress')).toContain('29%')
    expect(p.textOf('member-progress')).toContain('¥8,600.00 / ¥30,000.00')
    const fill = progress!.querySelector('.progress__fill')
    expect((fill!.getAttribute('style') ?? '').replace(/\s/g, '')).toContain('width:29%')
    expect(p.text()).toContain('再实付消费 ¥21,400.00 即自动成为终身家庭会员')
    for (const en of ['Annual member', 'Member discount', 'more and you', 'Spend', 'History']) expect(p.text()).not.toContain(en)
  })

  test('spend and bonus are apart, newest first, each line\'s balance its own account\'s (M6, R5)', async () => {
    page = await renderPage(HOME, memberCloud)
    const p = page
    await p.waitFor(() => p.byId('spend-list') !== null, 'the spend history')

    const spend = p.textOf('spend-list') ?? ''
    expect(spend).toContain('消费记录')
    // Same clinic day, in their true order: the 14:30 payment above the 09:00 one.
    expect(spend).toContain('2026-07-01 14:30')
    expect(spend.indexOf('+¥3,714.12')).toBeLessThan(spend.indexOf('+¥885.88'))
    expect(spend).toContain('累计 ¥8,600.00')
    expect(spend).toContain('累计 ¥4,885.88')
    expect(spend).toMatch(/此前累计消费\s*¥4,000\.00/) // ¥4,000 + ¥885.88 + ¥3,714.12 = ¥8,600
    expect(spend).not.toContain('奖励')
    expect(spend).not.toContain('余额')

    const bonus = p.textOf('bonus-list') ?? ''
    expect(bonus).toContain('奖励金明细')
    expect(bonus.indexOf('-¥50.00')).toBeLessThan(bonus.indexOf('+¥250.00'))
    expect(bonus).toContain('余额 ¥200.00')
    expect(bonus).toContain('余额 ¥250.00')
    expect(bonus).not.toContain('¥3,714.12')
    expect(bonus).not.toContain('累计')
    expect(p.text()).not.toContain('bill:2') // no internal ids

    // Q1: a payment offers "rate this visit".
    expect(p.byId('rate-bill_2')).not.toBeNull()
    expect(p.calls).toEqual([
      { name: 'identity', data: { action: 'whoami' } },
      { name: 'member', data: { action: 'home' } },
      { name: 'family', data: { action: 'get' } }, // M3: the family panel (this stub has none: the home still shows)
    ])
    expect(p.byId('guest-welcome')).toBeNull()
  })

  test('a family member paying at the family discount reads 家庭会员, never 非会员 (M3)', async () => {
    page = await renderPage(HOME, cloudFor(FAMILY_HOME))
    const p = page
    await p.waitFor(() => p.byId('member-tier') !== null, 'the member tier')
    expect(p.textOf('member-tier')).toBe('家庭会员')
    expect(p.text()).not.toContain('非会员')
    expect(p.text()).toContain('李明的家人')
    expect(p.textOf('member-discount')).toBe('88折')
    expect(p.byId('member-progress')).not.toBeNull() // a family member can still reach lifetime (M1)
  })

  test('a lifetime member sees no progress bar: there is nothing left to reach (M1)', async () => {
    page = await renderPage(HOME, cloudFor(LIFETIME_HOME))
    const p = page
    await p.waitFor(() => p.byId('member-tier') !== null, 'the member tier')
    expect(p.textOf('member-tier')).toBe('终身家庭会员')
    expect(p.byId('member-progress')).toBeNull()
    expect(p.text()).not.toContain('100%')
    expect(p.text()).not.toContain('终身家庭会员进度')
  })

  test('会员码 in the grid opens the member code tab with switchTab, other entries with navigateTo', async () => {
    page = await renderPage(HOME, memberCloud)
    const p = page
    await p.waitFor(() => p.byId('goto-code') !== null, 'the member code entry')
    const switchTab = jest.spyOn(wx(), 'switchTab')
    const navigateTo = jest.spyOn(wx(), 'navigateTo')
    try {
      await p.tap('goto-code')
      await p.waitFor(() => switchTab.mock.calls.length > 0, 'wx.switchTab')
      expect(switchTab.mock.calls[0][0]).toMatchObject({ url: '/pages/member/code/index' })
      await p.tap('goto-family')
      await p.waitFor(() => navigateTo.mock.calls.length > 0, 'wx.navigateTo')
      expect(navigateTo.mock.calls[0][0]).toMatchObject({ url: '/pages/family/index' })
      expect(switchTab).toHaveBeenCalledTimes(1)
    } finally {
      switchTab.mockRestore()
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
    expect(p.textOf('error-banner')).not.toContain('Something went wrong')
    expect(p.textOf('error-banner')).not.toContain('INTERNAL')
    expect(p.byId('member-tier')).toBeNull()
  })
})

describe('我的 on the compiled mini-program', () => {
  test('a member sees their name, masked phone, badge, language, my data and family; no staff entries', async () => {
    page = await renderPage(ME, cloudFor(FAMILY_HOME))
    const p = page
    await p.waitFor(() => p.byId('me-name') !== null, 'the profile summary')
    expect(p.textOf('me-name')).toBe('张丽')
    expect(p.textOf('me-phone')).toContain('137****1111')
    expect(p.textOf('me-badge')).toBe('家庭会员')
    expect(p.textOf('me-lang')).toContain('中文')
    for (const id of ['me-mydata', 'me-family']) expect(p.byId(id)).not.toBeNull()
    expect(p.byId('me-staff')).toBeNull()
    expect(p.byId('goto-reception')).toBeNull()
  })

  test('a receptionist reaches the front desk from 我的; pages their role may not open are not offered', async () => {
    const staff: Persona = { kind: 'staff', staffId: 's1', name: '前台 小吴', role: 'receptionist', clinicId: 'clinic_sh' }
    page = await renderPage(ME, (name, event) => (name === 'identity' && event.action === 'whoami' ? ok({ openid: 'o-staff', persona: staff }) : unexpected(name, event.action)))
    const p = page
    await p.waitFor(() => p.byId('me-staff') !== null, 'the staff entries')
    expect(p.textOf('me-name')).toBe('前台 小吴')
    expect(p.text()).toContain('前台')
    expect(p.text()).not.toContain('receptionist')
    expect(p.textOf('goto-reception')).toContain('前台收款')
    expect(p.byId('goto-staff-team')).toBeNull() // team.list is the admin's (permissions table)
    expect(p.byId('goto-staff-import')).toBeNull()
  })
})

describe('the tabBar in the compiled app.json', () => {
  test('首页 / 会员码 / 我的 with their icons copied into dist (81×81 PNGs ≤ 40 KB)', () => {
    const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { tabBar: { list: Array<{ pagePath: string; text: string; iconPath: string; selectedIconPath: string }> } }
    expect(app.tabBar.list.map((t) => [t.pagePath, t.text])).toEqual([[HOME, '首页'], ['pages/member/code/index', '会员码'], [ME, '我的']])
    for (const t of app.tabBar.list) {
      for (const icon of [t.iconPath, t.selectedIconPath]) {
        const file = join(DIST, icon)
        expect(existsSync(file)).toBe(true)
        expect(statSync(file).size).toBeLessThanOrEqual(40 * 1024)
        expect(readFileSync(file).readUInt32BE(16)).toBe(81)
      }
    }
  })
})

describe('guest home on the compiled mini-program (C2)', () => {
  test('a WeChat user who is not a patient gets the welcome, true programme copy and no member data', async () => {
    const asked: string[] = []
    page = await renderPage(HOME, (name, event) => {
      asked.push(`${name}.${String(event.action)}`)
      if (name === 'identity') return ok({ openid: 'o-friend', persona: { kind: 'guest' } satisfies Persona, programme: { annualFeeFen: 89_900, annualMonths: 12, discountBp: 1200, lifetimeThresholdFen: 3_000_000, familyMax: 3 } })
      return { ok: false, error: { code: 'FORBIDDEN', message: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' } } }
    })
    const p = page
    await p.waitFor(() => p.byId('guest-welcome') !== null, 'the guest welcome')

    expect(p.textOf('guest-welcome')).toContain('欢迎来到牙友')
    expect(p.textOf('guest-welcome')).not.toContain('Welcome')
    // M1: lifetime comes from paid spend only; an annual membership does not turn into it.
    const benefits = p.textOf('guest-benefits') ?? ''
    // Issue 14: the chain's own numbers, as whoami answers them.
    expect(benefits).toContain('累计实付消费满 ¥30,000.00 时自动成为')
    expect(benefits).toContain('¥899.00 一年，期内享88折')
    expect(benefits).toContain('年度会员不会自动转为终身会员')
    expect(benefits).not.toMatch(/年度会员或累计消费满/)
    for (const id of ['member-tier', 'member-spend', 'member-progress', 'member-bonus', 'ledger-list', 'goto-code', 'error-banner']) {
      expect(p.byId(id)).toBeNull()
    }
    expect(p.text()).not.toContain('病历号')
    expect(asked).toEqual(['identity.whoami'])
  })
})
