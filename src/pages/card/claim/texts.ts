/**
 * What a friend reads on the card landing (F3–F5, C1), in one place for both the app's page and its
 * light H5 entry (src/landing/card.ts). No Taro, no React: plain messages.
 */
import type { CardAvailability } from '../../../api/contract'
import type { Msg } from '../../../i18n'

/** What the friend reads for each availability (F3, F4, F5). */
export const STATE_TEXT: Record<CardAvailability, Msg & { tone: '' | 'warn' | 'over' }> = {
  available: { zh: '可以领取', en: 'You can claim this card', tone: '' },
  yours: { zh: '已领取，这张卡是您的了', en: 'Claimed: this card is yours', tone: '' },
  taken: { zh: '这张卡已被领取', en: 'This card has already been claimed by someone else', tone: 'warn' },
  own: { zh: '这是您赠出的卡，请分享给朋友', en: 'This is the card you are giving; send it to a friend', tone: 'warn' },
  expired: { zh: '这张卡已过期，无法领取', en: 'This card has expired and can no longer be claimed', tone: 'over' },
  revoked: { zh: '这张卡已被诊所作废，无法领取', en: 'The clinic has withdrawn this card', tone: 'over' },
  used_up: { zh: '这张卡的余额已用完', en: 'This card has been used up', tone: 'over' },
}

export const CLAIM_TEXT = {
  title: { zh: '亲友储值卡', en: 'Friends card' },
  sends: { zh: ' 送您一张亲友储值卡', en: ' sends you a friends card' },
  balance: { zh: '可用余额 ', en: 'Balance ' },
  validUntil: (day: string): Msg => ({ zh: `有效期至 ${day}`, en: `Valid until ${day}` }),
  noExpiry: { zh: '已到店登记，长期有效', en: 'Registered at the clinic: no expiry' },
  showCode: { zh: '出示付款码', en: 'Show the code' },
  nextStep: { zh: '下一步：预约到店，首次到店登记后卡片长期有效。', en: 'Next: book a visit; once you register there the card no longer expires.' },
  bookVisit: { zh: '下一步：预约到店', en: 'Next: book a visit' },
  linkRecord: { zh: '已在诊所就诊过？绑定档案', en: 'Been to our clinic before? Link your record' },
  goShare: { zh: '去我的亲友卡分享', en: 'Go to my cards to share it' },
  rules: { zh: '使用规则', en: 'Rules' },
  howTo: { zh: '领取后，到任一家牙友口腔出示付款码即可使用；首次到店登记后长期有效。', en: 'Claim it, then show its code at any of our clinics. Once you register at your first visit it no longer expires.' },
  remindMe: { zh: '卡片到期前提醒我（可选）', en: 'Remind me before it expires (optional)' },
  claim: { zh: '领取', en: 'Claim this card' },
  claiming: { zh: '领取中…', en: 'Claiming…' },
  noToken: { zh: '链接不完整，请让朋友重新分享', en: 'The link is incomplete; ask your friend to send it again' },
} satisfies Record<string, Msg | ((day: string) => Msg)>

/** The app's pages the friend goes on to (weapp paths; on H5 the same paths in the hash route). */
export const CLAIM_NEXT = {
  cardCode: (cardId: string) => `/pages/card/code/index?cardId=${encodeURIComponent(cardId)}`,
  clinics: '/pages/clinics/index',
  bind: '/pages/bind/index',
  cards: '/pages/cards/index',
}
