/** R4 as the chain writes it (issue 14 item 4): placeholders checked when stored, filled when sent. */
import { DEFAULT_POLICY } from '../policy'
import { POLICY_PRESETS } from '../policy-presets'
import { render } from './messages'
import { fillRewardText, placeholderProblems } from './reward-text'

const RUB = { ...DEFAULT_POLICY, currency: 'RUB' as const }
const REWARD = { bonusFen: 10_000, payoutFen: 10_000, clinic: 'Стоматология «Улыбка»', clinicPhone: '+7 495 123-45-67' }

describe('R4: the reward text a chain writes', () => {
  test('known placeholders pass; an unknown one is named with the ones that exist; a stray brace is refused', () => {
    expect(placeholderProblems('Вам зачислены {payout} и {bonus}. {clinic}, {clinicPhone}')).toEqual([])
    expect(placeholderProblems('')).toEqual([])
    const [unknown] = placeholderProblems('Спасибо {clinik} {amount} {clinik}')
    expect(unknown.en).toBe('Unknown placeholder {clinik} {amount}; the ones that exist are {bonus} {payout} {clinic} {clinicPhone}')
    expect(unknown.zh).toContain('{clinik} {amount}')
    expect(placeholderProblems('Вам зачислены {bonus')).toEqual([expect.objectContaining({ en: 'Braces are only for placeholders, e.g. {bonus}' })])
    expect(placeholderProblems('{}')).toHaveLength(1) // an empty name is unknown
  })

  test('filling replaces every occurrence; a missing value becomes empty text, never "undefined"', () => {
    expect(fillRewardText('{bonus} + {bonus}, {clinic}', { bonus: '1 ₽' })).toBe('1 ₽ + 1 ₽, ')
  })
})

describe('R4: the message in the chain\'s currency and words', () => {
  test('seed 003: the regulation\'s SMS with both amounts in roubles, the clinic and its phone — the same in either language setting', () => {
    const r = render('referral_reward', REWARD, POLICY_PRESETS.seed003.policy)
    const sms = 'К нам пришел клиент по вашей рекомендации. Вам зачислены 100.00 ₽ на телефон и 100.00 ₽ на внутр. счет. Спасибо. Стоматология «Улыбка», +7 495 123-45-67'
    expect(r.body).toEqual({ zh: sms, en: sms })
    expect(r.page).toBe('pages/referral/index')
  })

  test('no text set: the app\'s own bilingual message, in the chain\'s currency', () => {
    expect(render('referral_reward', REWARD, DEFAULT_POLICY).body).toEqual({
      zh: '您推荐的朋友今天到店就诊，¥100.00已存入您的奖励金账户。', en: 'A friend came on your recommendation; ¥100.00 credited.',
    })
    expect(render('referral_reward', { ...REWARD, bonusFen: 123_456 }, RUB).body.en).toBe('A friend came on your recommendation; 1,234.56 ₽ credited.')
    // Only a payout this time (a chain paying no bonus): said as the top-up, not as "¥0.00 credited".
    expect(render('referral_reward', { bonusFen: 0, payoutFen: 10_000 }, RUB).body.zh).toBe('您推荐的朋友今天到店就诊，诊所将为您充值100.00 ₽话费。')
  })

  test('every amount of every template follows the currency: roubles after, yuan before', () => {
    const rub = render('card_expiry', { giver: 'Иван', balanceFen: 45_000, days: 3, expiresOn: '2027-02-22' }, RUB)
    expect(rub.body.en).toContain('(450.00 ₽ left)')
    expect(rub.body.zh).not.toContain('¥')
    expect(render('card_unshared', { faceValueFen: 60_000, expiresOn: '2027-02-22' }, RUB).body.zh).toContain('600.00 ₽')
    expect(render('card_unshared', { faceValueFen: 60_000, expiresOn: '2027-02-22' }, DEFAULT_POLICY).body.zh).toContain('¥600.00')
  })

  test('a stored policy older than the setting (no text at all) renders the app\'s message', () => {
    const old = { currency: 'CNY' as const, notify: {}, membership: { discountBp: 1200 } }
    expect(render('referral_reward', REWARD, old).body.en).toBe('A friend came on your recommendation; ¥100.00 credited.')
  })
})
