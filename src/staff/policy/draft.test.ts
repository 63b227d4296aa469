import { DEFAULT_POLICY } from '../../domain/policy'
import { POLICY_PRESETS } from '../../domain/policy-presets'
import { draftOf, proposalOf } from './draft'
import { showChange } from './show'

const REASON = '院务会决定'

describe('issue 14: the policy form as typed text and back', () => {
  test('the current policy shown and read back unchanged: no notes, nothing changed', () => {
    const draft = draftOf(DEFAULT_POLICY)
    expect(draft['friendCard.faceValueFen']).toBe('600')
    expect(draft['membership.discountBp']).toBe('12')
    expect(draft['notify.birthdayGiftBp']).toBe('0.5')
    expect(draft['friendCard.expiryReminderDays']).toBe('30, 14, 3')
    expect(proposalOf(DEFAULT_POLICY, draft, REASON)).toEqual({ policy: DEFAULT_POLICY, problems: [] })
    const s3 = POLICY_PRESETS.seed003.policy
    expect(proposalOf(DEFAULT_POLICY, draftOf(s3), REASON).policy).toEqual({ ...s3, version: DEFAULT_POLICY.version })
  })

  test('amounts in yuan, percentages, day lists in any order are read as the policy stores them', () => {
    const draft = { ...draftOf(DEFAULT_POLICY), 'friendCard.faceValueFen': '800', 'membership.discountBp': '12.5', 'friendCard.expiryReminderDays': '3，30 14', 'referral.firstVisitDiscountFen': '0' }
    const { policy, problems } = proposalOf(DEFAULT_POLICY, draft, REASON)
    expect(problems).toEqual([])
    expect(policy.friendCard).toMatchObject({ faceValueFen: 80_000, expiryReminderDays: [30, 14, 3] })
    expect(policy.membership.discountBp).toBe(1250)
    expect(policy.referral.firstVisitDiscountFen).toBe(0)
  })

  test('what is not a number, a day twice, an impossible holiday and no reason: a note beside each', () => {
    const draft = {
      ...draftOf(DEFAULT_POLICY), 'friendCard.faceValueFen': '六百', 'membership.familyMax': '2.5', 'friendCard.unusedReminderDays': '14, 14',
      'notify.holidays': [{ date: '02-30', zh: '某节', en: 'Some day' }],
    }
    const { problems } = proposalOf(DEFAULT_POLICY, draft, '')
    expect(problems.map((p) => p.path)).toEqual(['membership.familyMax', 'friendCard.faceValueFen', 'friendCard.unusedReminderDays', 'notify.holidays', 'reason'])
    expect(problems[1].zh).toBe('金额必须是数字')
  })

  test('a change as the history shows it, in each side\'s currency; no field names', () => {
    const c = { path: 'referral.spendShareCapFen', before: 50_000, after: 0 }
    expect(showChange(c, 'RUB', 'CNY')).toEqual({ zh: '每次推荐分成上限：¥500.00 → 0.00 ₽', en: 'Share cap per referral: ¥500.00 → 0.00 ₽' })
    expect(showChange({ path: 'friendCard.excluded', before: ['membership_fee'], after: ['special_price', 'membership_fee'] }, 'CNY').zh).toBe('亲友卡不可支付的类别：会员费 → 特价项目、会员费')
    expect(showChange({ path: 'friendCard.expiryReminderDays', before: [30, 14, 3], after: [7] }, 'CNY').en).toBe('Remind the friend before expiry: 30, 14, 3 days → 7 days')
  })

  test('R4\'s message: a version stored before the setting shows an empty box; a typed text is kept as typed; the history names the app\'s text', () => {
    const { referralRewardText: _, ...notify } = DEFAULT_POLICY.notify
    const old = { ...DEFAULT_POLICY, notify } as unknown as typeof DEFAULT_POLICY
    expect(draftOf(old)['notify.referralRewardText']).toBe('')
    const typed = { ...draftOf(old), 'notify.referralRewardText': 'Спасибо!\n{bonus} — {clinic}' }
    const { policy, problems } = proposalOf(old, typed, REASON)
    expect(problems).toEqual([])
    expect(policy.notify.referralRewardText).toBe('Спасибо!\n{bonus} — {clinic}')
    expect(showChange({ path: 'notify.referralRewardText', before: '', after: 'Спасибо!' }, 'RUB').zh).toBe('推荐奖励到账通知（留空则用系统默认文字）：系统默认文字 → “Спасибо!”')
  })
})
