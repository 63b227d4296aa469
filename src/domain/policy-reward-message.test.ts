/** Issue 14 item 4: R4's message as a policy setting — checked field by field, shown in the history. */
import { isDomainError } from './errors'
import { DEFAULT_POLICY, type Policy } from './policy'
import { policyDiff } from './policy-diff'
import { withValueAt } from './policy-fields'
import { POLICY_PRESETS } from './policy-presets'
import { validatePolicy } from './policy-validate'

const PATH = 'notify.referralRewardText'
const withText = (text: unknown): Policy => withValueAt(DEFAULT_POLICY, PATH, text)

/** The POLICY_INVALID notes a policy is refused with. */
function notes(p: unknown): Array<{ path: string; zh: string; en: string }> {
  try {
    validatePolicy(p, 2, '采用条例原文')
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'POLICY_INVALID') throw e
    return e.details!.fields as Array<{ path: string; zh: string; en: string }>
  }
  throw new Error('not refused')
}

describe('R4 text: validation', () => {
  test('empty (the app\'s text) and a text with known placeholders are stored, trimmed', () => {
    expect(validatePolicy(withText(''), 2).notify.referralRewardText).toBe('')
    expect(validatePolicy(withText('  Спасибо, {clinic}!\n'), 2).notify.referralRewardText).toBe('Спасибо, {clinic}!')
  })

  test('an unknown placeholder is refused with POLICY_INVALID naming the field and the placeholder, beside other bad fields', () => {
    const bad = withValueAt(withText('Вам зачислены {summa} на телефон'), 'friendCard.faceValueFen', -1)
    const found = notes(bad)
    expect(found.map((n) => n.path)).toEqual(['friendCard.faceValueFen', PATH])
    expect(found[1].en).toContain('{summa}')
    expect(found[1].zh).toContain('{bonus} {payout} {clinic} {clinicPhone}')
  })

  test('a stray brace, a text over 300 characters, or not text at all: refused', () => {
    expect(notes(withText('{bonus} на счет}')).map((n) => n.path)).toEqual([PATH])
    expect(notes(withText('я'.repeat(301))).map((n) => n.en)).toEqual(['At most 300 characters (or leave it empty)'])
    expect(notes(withText(42)).map((n) => n.path)).toEqual([PATH])
    expect(validatePolicy(withText('я'.repeat(300)), 2).notify.referralRewardText).toHaveLength(300)
  })
})

describe('R4 text: presets and history', () => {
  test('seed 003 carries step 8\'s SMS with the four placeholders; the default has none', () => {
    expect(POLICY_PRESETS.seed003.policy.notify.referralRewardText).toBe(
      'К нам пришел клиент по вашей рекомендации. Вам зачислены {payout} на телефон и {bonus} на внутр. счет. Спасибо. {clinic}, {clinicPhone}')
    expect(DEFAULT_POLICY.notify.referralRewardText).toBe('')
    expect(policyDiff(DEFAULT_POLICY, POLICY_PRESETS.seed003.policy).map((c) => c.path)).toContain(PATH)
  })

  test('a version stored before the setting existed is not "changed" by the empty default, but is by a text', () => {
    const { referralRewardText: _, ...notify } = DEFAULT_POLICY.notify
    const old = { ...DEFAULT_POLICY, notify } as unknown as Policy
    expect(policyDiff(old, DEFAULT_POLICY)).toEqual([])
    expect(policyDiff(old, withText('Спасибо'))).toEqual([{ path: PATH, before: undefined, after: 'Спасибо' }])
  })
})
