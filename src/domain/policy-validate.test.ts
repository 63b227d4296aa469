import { isDomainError } from './errors'
import { DEFAULT_POLICY, type Policy } from './policy'
import { policyDiff } from './policy-diff'
import { POLICY_FIELDS, valueAt, withValueAt } from './policy-fields'
import { formatMoney } from './policy-money'
import { POLICY_PRESETS } from './policy-presets'
import { policyProblems, validatePolicy } from './policy-validate'

const REASON = '院长会议决定'
const edit = (changes: Record<string, unknown>): Policy =>
  Object.entries(changes).reduce((p, [path, v]) => withValueAt(p, path, v), DEFAULT_POLICY)
const problemPaths = (p: unknown, reason = REASON) => policyProblems(p, reason).map((x) => x.path)

/** The typed error a bad policy is refused with, and the paths it names. */
function refusal(p: unknown, reason = REASON): string[] {
  try {
    validatePolicy(p, 2, reason)
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'POLICY_INVALID') throw e
    return (e.details!.fields as Array<{ path: string; zh: string; en: string }>).map((f) => f.path)
  }
  throw new Error('not refused')
}

describe('issue 14: a proposed policy is checked whole', () => {
  test('the defaults (seed 004) and seed 003 as presets are valid as they stand', () => {
    expect(policyProblems(DEFAULT_POLICY, REASON)).toEqual([])
    expect(policyProblems(POLICY_PRESETS.seed003.policy, REASON)).toEqual([])
    expect(validatePolicy(DEFAULT_POLICY, 7, REASON)).toEqual({ ...DEFAULT_POLICY, version: 7 })
  })

  test('every bad field is named at once, with a Chinese and an English note', () => {
    const bad = edit({
      'friendCard.faceValueFen': 600.5, // fen are whole (F2)
      'membership.discountBp': 12_000, // basis points ≤ 10000 (M2)
      'membership.annualMonths': 0,
      'friendCard.expiryReminderDays': [3, 14, 30], // F6: days before expiry, largest first
      'friendCard.unsharedReminderDays': [3, 3],
      'friendCard.unusedReminderDays': [0, 14],
      'referral.couponExcluded': ['treatment', 'cosmetics'],
      'notify.quietStart': '25:00',
      'notify.holidays': [{ date: '2026-13-45', name: { zh: '某节', en: 'Some day' } }, { date: '02-30', name: { zh: '某节', en: 'x' } }],
      timezone: 'Mars/Olympus',
      currency: 'USD',
      'referral.firstVisitGift': '  ',
      'staff.directorSeesChain': 'yes',
    })
    const fields = policyProblems(bad, REASON)
    expect(fields.map((f) => f.path)).toEqual([
      'membership.annualMonths', 'membership.discountBp', 'friendCard.faceValueFen', 'friendCard.expiryReminderDays',
      'friendCard.unsharedReminderDays', 'friendCard.unusedReminderDays', 'referral.firstVisitGift', 'referral.couponExcluded',
      'notify.quietStart', 'notify.holidays', 'notify.holidays', 'currency', 'timezone', 'staff.directorSeesChain',
    ])
    for (const f of fields) expect(f.zh.length > 0 && f.en.length > 0).toBe(true)
    expect(fields.find((f) => f.path === 'notify.holidays')!.en).toMatch(/Holiday 1: not a real date/)
    expect(refusal(bad)).toEqual(fields.map((f) => f.path))
  })

  test('holidays: MM-DD every year (02-29 too) or a real YYYY-MM-DD; a date twice is refused', () => {
    expect(problemPaths(edit({ 'notify.holidays': [{ date: '02-29', name: { zh: '闰日', en: 'Leap day' } }, { date: '2027-02-06', name: { zh: '春节', en: 'Spring Festival' } }] }))).toEqual([])
    const twice = [{ date: '10-01', name: { zh: '国庆', en: 'National Day' } }, { date: '10-01', name: { zh: '国庆', en: 'National Day' } }]
    expect(policyProblems(edit({ 'notify.holidays': twice }), REASON)[0].zh).toMatch(/重复/)
    expect(problemPaths(edit({ 'notify.holidays': [{ date: '2026-02-29', name: { zh: '某', en: 'x' } }] }))).toEqual(['notify.holidays'])
  })

  test('C3: a friend card may never pay for membership, whatever else is excluded', () => {
    expect(problemPaths(edit({ 'friendCard.excluded': ['special_price'] }))).toEqual(['friendCard.excluded'])
    expect(problemPaths(edit({ 'friendCard.excluded': ['membership_fee'] }))).toEqual([])
  })

  test('bounds: 100% discount is the most; a 0 coupon is allowed, a 0 card is not', () => {
    expect(problemPaths(edit({ 'membership.discountBp': 10_000, 'referral.firstVisitDiscountFen': 0 }))).toEqual([])
    expect(problemPaths(edit({ 'membership.discountBp': -1, 'friendCard.faceValueFen': 0 }))).toEqual(['membership.discountBp', 'friendCard.faceValueFen'])
  })

  test('the reason is required, 2–200 characters', () => {
    expect(problemPaths(DEFAULT_POLICY, ' 改 ')).toEqual(['reason'])
    expect(problemPaths(DEFAULT_POLICY, 'x'.repeat(201))).toEqual(['reason'])
    expect(refusal(DEFAULT_POLICY, '')).toEqual(['reason'])
  })

  test('not an object at all: every field is named', () => {
    expect(refusal('hello')).toHaveLength(POLICY_FIELDS.length)
  })

  test('only the settings are taken: anything else sent along is dropped, the version is the new one', () => {
    const stored = validatePolicy({ ...DEFAULT_POLICY, version: 99, hack: true, referral: { ...DEFAULT_POLICY.referral, codeSource: 'phone', firstVisitGift: ' 牙线 floss ' } }, 5, REASON)
    expect(stored.version).toBe(5)
    expect('hack' in stored).toBe(false)
    expect(stored.referral.codeSource).toBe('record_no')
    expect(stored.referral.firstVisitGift).toBe('牙线 floss')
  })

  test('every field of the table exists in the default policy (the page shows them all)', () => {
    for (const f of POLICY_FIELDS) expect(valueAt(DEFAULT_POLICY, f.path)).not.toBeUndefined()
  })
})

describe('issue 14: the history shows what changed', () => {
  test('one number changed: one difference, before and after; the version is not a change', () => {
    const after = { ...edit({ 'friendCard.faceValueFen': 80_000 }), version: 2 }
    expect(policyDiff(DEFAULT_POLICY, after)).toEqual([{ path: 'friendCard.faceValueFen', before: 60_000, after: 80_000 }])
    expect(policyDiff(DEFAULT_POLICY, { ...DEFAULT_POLICY, version: 9 })).toEqual([])
  })

  test('seed 003 against the defaults: the currency, the zone, the coupon gift and rewards, no friend cards', () => {
    const paths = policyDiff(DEFAULT_POLICY, POLICY_PRESETS.seed003.policy).map((c) => c.path)
    expect(paths).toEqual(expect.arrayContaining([
      'timezone', 'currency', 'friendCard.maxPerMemberPerYear', 'referral.firstVisitGift', 'referral.spendShareBp', 'notify.holidays',
    ]))
    // Seed 003 keeps R2/R3's amounts: 300 coupon, 100 + 100 rewards, one month — no difference there.
    expect(paths).not.toContain('referral.firstVisitDiscountFen')
    expect(paths).not.toContain('referral.rewardPayoutFen')
    const s3 = POLICY_PRESETS.seed003.policy.referral
    expect([s3.firstVisitDiscountFen, s3.rewardPayoutFen, s3.rewardBonusFen, s3.couponValidMonths]).toEqual([30_000, 10_000, 10_000, 1])
  })

  test('a changed list is one difference, shown whole', () => {
    const after = edit({ 'friendCard.expiryReminderDays': [30, 7] })
    expect(policyDiff(DEFAULT_POLICY, after)).toEqual([{ path: 'friendCard.expiryReminderDays', before: [30, 14, 3], after: [30, 7] }])
  })
})

describe('issue 14: money in the chain currency', () => {
  test('yuan before, roubles after the amount; integer minor units either way', () => {
    expect(formatMoney(60_000, 'CNY')).toBe('¥600.00')
    expect(formatMoney(30_000, 'RUB')).toBe('300.00 ₽')
    expect(formatMoney(-123_456, 'RUB')).toBe('-1,234.56 ₽')
  })
})
