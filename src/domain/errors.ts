/**
 * Every refusal is a typed error: a stable code plus a message in Chinese and English.
 * Handlers map it to `{ ok: false, error }`; nothing is written when one is thrown.
 */
export interface ErrorMessage { zh: string; en: string }

export const ERRORS = {
  BAD_REQUEST: { zh: '请求格式不正确', en: 'The request is malformed' },
  VALIDATION: { zh: '输入有误', en: 'Invalid input' },
  UNKNOWN_FUNCTION: { zh: '没有这个云函数', en: 'No such cloud function' },
  UNKNOWN_ACTION: { zh: '没有这个操作', en: 'No such action' },
  UNAUTHENTICATED: { zh: '无法识别您的身份，请重新进入小程序', en: 'We could not tell who you are; please reopen the mini-program' },
  FORBIDDEN: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  NOT_FOUND: { zh: '找不到该记录', en: 'Record not found' },
  PATIENT_NOT_FOUND: { zh: '找不到该患者', en: 'No such patient' },
  CODE_INVALID: { zh: '二维码无效，请让对方刷新后重试', en: 'This code is not valid; ask for a fresh one' },
  CODE_EXPIRED: { zh: '二维码已过期（截图无效），请让对方刷新', en: 'This code has expired (screenshots do not work); ask for a fresh one' },
  CODE_USED: { zh: '该二维码已被扫过，请让对方刷新', en: 'This code was already scanned; ask for a fresh one' },
  CODE_WRONG_KIND: { zh: '这不是此处可用的二维码', en: 'This kind of code is not accepted here' },
  CODE_MISTYPED: { zh: '数字码有误，请核对后重新输入', en: 'This number code has a typo; check the digits and type it again' },
  BILL_EMPTY: { zh: '账单没有项目', en: 'The bill has no items' },
  BILL_CHANGED: { zh: '账单金额已变化，请重新确认', en: 'The bill changed since it was shown; please confirm again' },
  // Issue 13 item 7: confirm names the preview's quote; a price or balance changed meanwhile.
  QUOTE_CHANGED: { zh: '价格或余额已变化，已重新计算，请核对后再收款', en: 'A price or balance changed since the preview; check the new amounts, then confirm again' },
  // Issue 13, price list (收费项目): the catalogue decides a line's category (M2, F4).
  PRICE_ITEM_INVALID: { zh: '收费项目填写有误', en: 'The price list item is not valid' },
  PRICE_ITEM_NOT_FOUND: { zh: '价目表中没有这个项目', en: 'No such item in the price list' },
  PRICE_ITEM_INACTIVE: { zh: '该收费项目已停用', en: 'This price list item is no longer offered' },
  PRICE_ITEM_DUPLICATE: { zh: '价目表中已有同名项目', en: 'The price list already has an item with this name' },
  PRICE_LIST_FULL: { zh: '价目表项目已达上限（1000 项），请先停用或合并项目', en: 'The price list is full (1000 items); merge or retire items first' },
  BILL_FREE_TEXT_FORBIDDEN: { zh: '只能从价目表选择项目；自定义项目仅限院长和管理员', en: 'Pick items from the price list; only the director and admin may enter other items' },
  BILL_LINE_INVALID: { zh: '账单项目有误', en: 'A bill line is not valid' },
  IDEMPOTENCY_MISMATCH: { zh: '同一请求号对应了不同的账单', en: 'This request id was already used for a different bill' },
  INSUFFICIENT_BALANCE: { zh: '余额不足', en: 'Insufficient balance' },
  CARD_NOT_FOUND: { zh: '找不到这张亲友卡', en: 'No such friend card' },
  CARD_TAKEN: { zh: '这张亲友卡已被领取', en: 'This friend card has already been claimed' },
  CARD_ALREADY_YOURS: { zh: '您已领取过这张亲友卡', en: 'You have already claimed this card' },
  CARD_OWN: { zh: '不能领取自己赠送的亲友卡', en: 'You cannot claim a card you are giving' },
  CARD_EXPIRED: { zh: '亲友卡已过期', en: 'This friend card has expired' },
  CARD_REVOKED: { zh: '亲友卡已被作废', en: 'This friend card has been revoked' },
  CARD_USED_UP: { zh: '亲友卡余额已用完', en: 'This friend card is used up' },
  CARD_NOT_CLAIMED: { zh: '亲友卡尚未被领取', en: 'This friend card has not been claimed yet' },
  CARD_NOT_LIVE: { zh: '亲友卡已失效', en: 'This friend card is no longer active' },
  CARD_NOT_ELIGIBLE: { zh: '账单中没有亲友卡可用的项目', en: 'No item on this bill can be paid with the friend card' },
  CARD_LIMIT: { zh: '本年度该会员的亲友卡已达上限', en: 'This member has reached this year\'s friend card limit' },
  TREATMENT_NOT_CONFIRMED: { zh: '需确认治疗已过半或已完成', en: 'Staff must confirm the treatment is half done or finished' },
  MEMBERSHIP_NOT_NEEDED: { zh: '终身会员无需再购买年度会员', en: 'A lifetime member does not need an annual membership' },
  MEMBERSHIP_FEE_MISMATCH: { zh: '年度会员费金额与政策不符', en: 'The annual membership fee does not match the policy' },
  FAMILY_NOT_LIFETIME: { zh: '只有终身家庭会员可以绑定家人', en: 'Only a lifetime family member can bind family members' },
  FAMILY_FULL: { zh: '家庭成员已满（最多3位）', en: 'The family is full (at most 3 members)' },
  FAMILY_SELF: { zh: '不能绑定自己', en: 'You cannot bind yourself' },
  FAMILY_ALREADY_BOUND: { zh: '对方已在一个家庭中', en: 'This person already belongs to a family' },
  FAMILY_INVITE_INVALID: { zh: '邀请已失效或已被使用', en: 'This invitation has expired or was already used' },
  FAMILY_NOT_MEMBER: { zh: '对方不是您的家庭成员', en: 'This person is not in your family' },
  CONSENT_REQUIRED: { zh: '使用家庭账户余额需主账户同意', en: 'Paying from the family owner\'s balance needs the owner\'s consent' },
  CONSENT_USED: { zh: '该授权已使用或已失效', en: 'This consent was already used or is no longer valid' },
  REFUND_TOO_LARGE: { zh: '退款金额超过可退金额', en: 'The refund is larger than what can be refunded' },
  DAY_CLOSED: { zh: '这一天已经日结，无需再次日结', en: 'This day has already been closed' },
  NAMED_MEMBER_INVALID: { zh: '报名的会员无效（不是会员，或是本人/家人）', en: 'The named member is not valid (not a member, or yourself or your family)' },
  NOT_A_PATIENT: { zh: '请先到诊所登记为患者', en: 'Please register at the clinic as a patient first' },
  REFERRAL_CODE_UNKNOWN: { zh: '推荐码无效', en: 'Unknown referral code' },
  REFERRAL_SELF: { zh: '不能推荐自己', en: 'You cannot refer yourself' },
  REFERRAL_FAMILY: { zh: '家庭成员之间不能互相推荐', en: 'Referrals inside one family do not count' },
  REFERRAL_EXISTING_PATIENT: { zh: '推荐仅限新患者，您已是本院患者', en: 'Only new patients can be referred; you are already a patient' },
  REFERRAL_TAKEN: { zh: '您已有推荐人（以首次有效领取为准）', en: 'You already have a referrer (the first valid claim counts)' },
  REFERRAL_DUPLICATE: { zh: '该手机号或微信已参与过推荐', en: 'This phone number or WeChat account was already referred' },
  POSTER_CODE_REFUSED: { zh: '暂时无法生成小程序码，请先用“发送给朋友”分享，或稍后再试', en: 'The mini-program code cannot be made right now; send the card to a friend instead, or try later' },
  POSTER_CODE_UNAVAILABLE: { zh: '网络不稳定，小程序码未能生成，请稍后重试', en: 'The network is unsteady and the mini-program code was not made; please try again' },
  COUPON_NOT_FOUND: { zh: '找不到该优惠券', en: 'No such coupon' },
  COUPON_EXPIRED: { zh: '优惠券已过期', en: 'This coupon has expired' },
  COUPON_USED: { zh: '优惠券已使用', en: 'This coupon was already used' },
  COUPON_NOT_YOURS: { zh: '这张优惠券不属于该就诊人', en: 'This coupon belongs to someone else' },
  PAYOUT_ALREADY_PAID: { zh: '该笔奖励已标记为已支付', en: 'This payout is already marked as paid' },
  RATING_DONE: { zh: '您已评价过这次就诊', en: 'You have already rated this visit' },
  PARTNER_EXISTS: { zh: '您已是合作伙伴', en: 'You are already a partner' },
  STAFF_INVITE_INVALID: { zh: '员工邀请码无效，请向管理员索取新的邀请', en: 'This staff invitation is not valid; ask the admin for a new one' },
  STAFF_INVITE_EXPIRED: { zh: '员工邀请已过期，请向管理员索取新的邀请', en: 'This staff invitation has expired; ask the admin for a new one' },
  STAFF_INVITE_USED: { zh: '该员工邀请已被使用', en: 'This staff invitation was already used' },
  STAFF_ALREADY_BOUND: { zh: '您的微信已绑定员工账号', en: 'Your WeChat is already bound to a staff account' },
  STAFF_ALREADY_JOINED: { zh: '该员工已绑定微信，无需再次邀请', en: 'This staff member has already joined' },
  STAFF_NOT_FOUND: { zh: '找不到该员工', en: 'No such staff member' },
  STAFF_DISABLED: { zh: '该员工账号已停用', en: 'This staff account is disabled' },
  LAST_ADMIN: { zh: '至少需要保留一位在职管理员', en: 'At least one active admin must remain' },
  ADMIN_EXISTS: { zh: '已有在职管理员，无需初始化', en: 'An active admin already exists; bootstrapping is only for a fresh environment' },
  CLINIC_NOT_FOUND: { zh: '找不到该诊所', en: 'No such clinic' },
  EVENT_NOT_FOUND: { zh: '找不到该活动', en: 'No such event' },
  EVENT_CLOSED: { zh: '活动报名已截止', en: 'Replies for this event are closed' },
  EVENT_FULL: { zh: '活动名额已满', en: 'This event is full' },
  EVENT_NOT_MEMBER: { zh: '会员活动仅限会员及家人参加', en: 'Member events are for members and their families' },
  EVENT_NOT_INVITED: { zh: '该会员未报名此活动', en: 'This member has not said they are coming' },
  EVENT_NOT_TODAY: { zh: '只能在活动当天签到', en: 'Check-in is only on the day of the event' },
  EVENT_EXISTS: { zh: '该日期已有同类活动', en: 'An event of this kind is already planned for that date' },
  APPOINTMENT_NOT_ELIGIBLE: { zh: '领取朋友分享的亲友卡或优惠券后即可申请预约；已是本院患者请先绑定档案', en: 'Claim a card or coupon a friend sent you to ask for an appointment; patients link their record first' },
  APPOINTMENT_DATE: { zh: '请选择今天起 60 天内、尚未过去的日期和时段', en: 'Choose a day from today up to 60 days ahead, and a time of day that has not passed' },
  APPOINTMENT_CLINIC_CLOSED: { zh: '该诊所这个时段不营业，请换一个日期或时段', en: 'The clinic is closed at that time; choose another day or time of day' },
  APPOINTMENT_NAME_REQUIRED: { zh: '请填写称呼（1–20 个字，不含手机号），方便诊所联系您', en: 'Enter the name we should ask for (1–20 characters, no phone number)' },
  APPOINTMENT_NOT_FOUND: { zh: '找不到该预约申请', en: 'No such appointment request' },
  APPOINTMENT_CHANGED: { zh: '同事刚更新了这条预约，请刷新后再操作', en: 'A colleague just updated this request; refresh and try again' },
  APPOINTMENT_STATUS: { zh: '这条预约当前的状态不能这样标记', en: 'This request cannot be marked that way in its current state' },
  REQUEST_ID_REUSED: { zh: '该提交已用于另一份申请，请刷新页面后重新提交', en: 'This submission was already used for another request; reload the page and submit again' },
  GIFT_NOT_FOUND: { zh: '生日礼物清单中没有该会员', en: 'This member is not on the birthday gift list' },
  GIFT_STEP: { zh: '请先标记已购买，再标记已送达', en: 'Mark the gift bought before delivered' },
  IMPORT_FILE: { zh: '无法读取导入文件，请上传 CSV 或 XLSX 文件', en: 'The import file could not be read; upload a CSV or XLSX file' },
  IMPORT_COLUMNS: { zh: '导入文件的表头不正确', en: 'The import file\'s header row is not right' },
  IMPORT_TOO_MANY_ROWS: { zh: '一次导入的行数过多，请分批导入', en: 'Too many rows in one import call; send the file in parts' },
  IMPORT_TOO_LARGE: { zh: '文件太大，无法一次上传；请另存为 CSV 后导入', en: 'The file is too large to send at once; save it as CSV and import that' },
  PHONE_INVALID: { zh: '请输入11位手机号', en: 'Enter an 11-digit mobile number' },
  PHONE_CODE_WRONG: { zh: '验证码不正确，请重新输入', en: 'The verification code is wrong; please try again' },
  PHONE_CODE_EXPIRED: { zh: '验证码已过期，请重新获取', en: 'The verification code has expired; please request a new one' },
  PHONE_CODE_LOCKED: { zh: '验证码错误次数过多，请重新获取', en: 'Too many wrong codes; please request a new one' },
  PHONE_NOT_VERIFIED: { zh: '请先验证手机号', en: 'Please verify your phone number first' },
  PHONE_NOT_MATCHING: { zh: '该档案的手机号与您验证的不一致', en: 'This record\'s phone is not the one you verified' },
  PHONE_HAS_RECORD: { zh: '该手机号已有就诊档案，请出示绑定码让患者扫码绑定', en: 'This phone already has a patient record; show the patient a binding code instead' },
  WECHAT_PHONE_FAILED: { zh: '未能获取微信手机号，请改用短信验证', en: 'Could not get the phone number from WeChat; please use a text message code' },
  ALREADY_BOUND: { zh: '您的微信已绑定就诊档案', en: 'Your WeChat is already bound to a patient record' },
  SMS_UNAVAILABLE: { zh: '暂不支持短信验证，请使用微信手机号快速验证或到前台扫码绑定', en: 'Text message codes are not available; use WeChat\'s phone number or the desk\'s binding code' },
  RATE_LIMITED: { zh: '操作太频繁，请稍后再试', en: 'Too many attempts; please wait a moment and try again' },
  PAYER_NOT_PRESENT: { zh: '使用奖励金或家庭余额需扫描本人会员码，或由员工填写原因', en: 'Spending bonus or family balance needs the payer\'s own member code, or a staff override with a reason' },
  DISPLAY_NAME_INVALID: { zh: '称呼需为1–12个字，且不能包含手机号', en: 'The display name must be 1–12 characters and contain no phone number' },
  CONFLICT: { zh: '数据正被他人修改，请重试', en: 'Someone else changed this at the same time; please retry' },
  NOT_LOCAL: { zh: '仅本地模式可用', en: 'Only available in local mode' },
  LOCAL_REQUEST_REQUIRED: { zh: '仅接受本机页面发出的 JSON 请求', en: 'Only JSON requests from a page on this machine are accepted' },
  BODY_TOO_LARGE: { zh: '请求内容过大', en: 'The request body is too large' },
  /** Issue 14: policy administration (usecases/policy-admin.ts). */
  POLICY_INVALID: { zh: '规则设置有误，请按提示修改', en: 'Some policy settings are not valid; see the notes beside them' },
  POLICY_STALE: { zh: '规则已被他人修改，请刷新后再改', en: 'Someone else changed the policy meanwhile; reload it and make your change again' },
  POLICY_UNCHANGED: { zh: '没有任何改动', en: 'Nothing was changed' },
  PRIVACY_VERSION_STALE: { zh: '隐私政策已更新，请阅读新版本后再同意', en: 'The privacy notice has changed; please read the new version before agreeing' },
  INTERNAL: { zh: '系统繁忙，请稍后再试', en: 'Something went wrong; please try again later' },
} as const satisfies Record<string, ErrorMessage>

export type ErrorCode = keyof typeof ERRORS

export class DomainError extends Error {
  readonly code: ErrorCode
  readonly messages: ErrorMessage
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, details?: Record<string, unknown>, messages?: ErrorMessage) {
    const m = messages ?? ERRORS[code]
    super(`${code}: ${m.en}`)
    this.name = 'DomainError'
    this.code = code
    this.messages = m
    this.details = details
  }
}

export const fail = (code: ErrorCode, details?: Record<string, unknown>): never => {
  throw new DomainError(code, details)
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError
