/**
 * Issue 14: the column list of every staff report's export, in one place. Each report says its
 * title (the file and sheet name) and its columns; `table.ts` turns rows into the table that both
 * the CSV and the XLSX are written from. Phones are the masked ones the server sends (C2). Money
 * columns are titled without their unit: the table adds the chain's (金额（卢布）, issue 14).
 */
import type { AuditReport, DaySheet, LeaderRow, PayoutView } from '../../api/referral'
import type { BillSummary, ClosedDay } from '../../api/bills'
import type { CardSummary } from '../../api/friendcard'
import type { BirthdayGift, OutboxView } from '../../api/messages'
import type { StaffAuditView } from '../../api/team'
import { PAYMENT_METHOD_LABEL } from '../../domain/bill/payment'
import { amountDigits } from '../../domain/money'
import type { Currency } from '../../domain/policy'
import { CURRENCY_UNIT, formatMoney } from '../../domain/policy-money'
import { chainCurrency } from '../../services/chain'
import { CARD_STATE_LABEL, ENTRY_KIND_LABEL, TEMPLATE_LABEL } from '../../services/format'
import type { Lang, Msg } from '../../i18n'
import { STATUS_LABEL as OUTBOX_STATUS_LABEL, explain } from '../outbox/labels'
import { describeChange } from '../team/labels'
import type { Column } from './table'

export interface ReportExport<R> { title: Msg; columns: ReadonlyArray<Column<R>> }

const say = (m: Msg | undefined, lang: Lang) => (m ? m[lang] : '')

export const PAYOUT_STATUS_LABEL: Record<PayoutView['status'], Msg> = {
  due: { zh: '待发放', en: 'Due' },
  paid: { zh: '已发放', en: 'Paid' },
  void: { zh: '已作废', en: 'Void' },
}
export const PAYOUT_METHOD_LABEL: Record<string, Msg | undefined> = {
  phone_topup: { zh: '话费充值', en: 'Phone top-up' },
  wechat: { zh: '微信转账', en: 'WeChat transfer' },
  bank: { zh: '银行转账', en: 'Bank transfer' },
  cash: { zh: '现金', en: 'Cash' },
}
export const GIFT_STATUS_LABEL: Record<BirthdayGift['status'], Msg> = {
  todo: { zh: '待购买', en: 'To buy' },
  bought: { zh: '已购买', en: 'Bought' },
  delivered: { zh: '已送达', en: 'Delivered' },
}

/** R9: the end-of-day referral sheet, one row per referred payment. */
export const DAY_SHEET_EXPORT: ReportExport<DaySheet['rows'][number]> = {
  title: { zh: '推荐日结单', en: 'Referral day sheet' },
  columns: [
    { title: { zh: '推荐人编号', en: 'Referrer code' }, kind: 'text', value: (r) => r.referrerCode },
    { title: { zh: '推荐人', en: 'Referrer' }, kind: 'text', value: (r) => r.referrerName },
    { title: { zh: '手机', en: 'Phone' }, kind: 'text', value: (r) => r.maskedPhone },
    { title: { zh: '朋友', en: 'Friend' }, kind: 'text', value: (r) => r.friendName },
    { title: { zh: '实付', en: 'Paid' }, kind: 'money', value: (r) => r.paidFen },
    { title: { zh: '奖励金', en: 'Bonus' }, kind: 'money', value: (r) => r.bonusFen },
    { title: { zh: '分成', en: 'Share' }, kind: 'money', value: (r) => r.shareFen },
    { title: { zh: '外部发放', en: 'Payout' }, kind: 'money', value: (r) => r.payoutFen },
    { title: { zh: '发放状态', en: 'Payout status' }, kind: 'text', value: (r, l) => (r.payoutStatus ? say(PAYOUT_STATUS_LABEL[r.payoutStatus], l) : '') },
  ],
}

/** R9: the weekly audit as one list: rewards, referred payments, then the anomalies. */
export type AuditLine = { type: Msg; at?: string; who: string; amountFen?: number; note: Msg }
export function auditLines(report: AuditReport, currency: Currency = chainCurrency()): AuditLine[] {
  return [
    ...report.rewards.map((r): AuditLine => ({ type: { zh: '奖励', en: 'Reward' }, at: r.at, who: r.referrerName, amountFen: r.amountFen, note: ENTRY_KIND_LABEL[r.kind as keyof typeof ENTRY_KIND_LABEL] ?? { zh: '', en: '' } })),
    ...report.payments.map((p): AuditLine => ({
      type: { zh: '推荐付款', en: 'Referred payment' }, at: p.at, who: p.friendName, amountFen: p.paidFen - p.refundedFen,
      note: p.refundedFen ? { zh: `已退款 ${amountDigits(p.refundedFen)} ${CURRENCY_UNIT[currency].zh}`, en: `Refunded ${formatMoney(p.refundedFen, currency)}` } : { zh: '', en: '' },
    })),
    ...report.anomalies.map((a): AuditLine => ({ type: { zh: '异常', en: 'Anomaly' }, who: '', note: { zh: a.zh, en: a.en } })),
  ]
}
export const AUDIT_EXPORT: ReportExport<AuditLine> = {
  title: { zh: '推荐周审计', en: 'Referral weekly audit' },
  columns: [
    { title: { zh: '类型', en: 'Type' }, kind: 'text', value: (r, l) => say(r.type, l) },
    { title: { zh: '时间', en: 'Time' }, kind: 'instant', value: (r) => r.at },
    { title: { zh: '对象', en: 'Who' }, kind: 'text', value: (r) => r.who },
    { title: { zh: '金额', en: 'Amount' }, kind: 'money', value: (r) => r.amountFen },
    { title: { zh: '说明', en: 'Note' }, kind: 'text', value: (r, l) => say(r.note, l) },
  ],
}

/** R8: the top referrers. */
export const LEADERS_EXPORT: ReportExport<LeaderRow> = {
  title: { zh: '主动转介绍名录', en: 'Active referrers' },
  columns: [
    { title: { zh: '名次', en: 'Rank' }, kind: 'count', value: (r) => r.rank },
    { title: { zh: '推荐人', en: 'Referrer' }, kind: 'text', value: (r) => r.referrerName },
    { title: { zh: '推荐码', en: 'Code' }, kind: 'text', value: (r) => r.code },
    { title: { zh: '有效推荐', en: 'Valid referrals' }, kind: 'count', value: (r) => r.validReferrals },
    { title: { zh: '推荐消费', en: 'Referred revenue' }, kind: 'money', value: (r) => r.referredRevenueFen },
  ],
}

/** R3: external payouts, due and paid. */
export const PAYOUTS_EXPORT: ReportExport<PayoutView> = {
  title: { zh: '推荐外部发放', en: 'Referral payouts' },
  columns: [
    { title: { zh: '推荐人', en: 'Referrer' }, kind: 'text', value: (r) => r.referrerName },
    { title: { zh: '金额', en: 'Amount' }, kind: 'money', value: (r) => r.amountFen },
    { title: { zh: '状态', en: 'Status' }, kind: 'text', value: (r, l) => say(PAYOUT_STATUS_LABEL[r.status], l) },
    { title: { zh: '发放方式', en: 'Method' }, kind: 'text', value: (r, l) => say(PAYOUT_METHOD_LABEL[r.method ?? ''], l) },
    { title: { zh: '凭证号', en: 'Reference' }, kind: 'text', value: (r) => r.reference },
    { title: { zh: '发放时间', en: 'Paid at' }, kind: 'instant', value: (r) => r.paidAt },
  ],
}

/** F7: the friend cards of the summary (the pages loaded so far). */
export const CARDS_EXPORT: ReportExport<CardSummary['cards'][number]> = {
  title: { zh: '亲友卡明细', en: 'Friend cards' },
  columns: [
    { title: { zh: '赠送人', en: 'Giver' }, kind: 'text', value: (r) => r.giverName },
    { title: { zh: '赠送人手机', en: 'Giver phone' }, kind: 'text', value: (r) => r.giverMaskedPhone },
    { title: { zh: '朋友', en: 'Friend' }, kind: 'text', value: (r) => r.friendName },
    { title: { zh: '朋友手机', en: 'Friend phone' }, kind: 'text', value: (r) => r.friendMaskedPhone },
    { title: { zh: '状态', en: 'State' }, kind: 'text', value: (r, l) => say(CARD_STATE_LABEL[r.state], l) },
    { title: { zh: '余额', en: 'Balance' }, kind: 'money', value: (r) => r.balanceFen },
    { title: { zh: '朋友实付', en: 'Friend paid' }, kind: 'money', value: (r) => r.friendSpendFen },
  ],
}

/** N3: the latest outbox records, with why a message was not sent. */
export const OUTBOX_EXPORT: ReportExport<OutboxView> = {
  title: { zh: '消息发送记录', en: 'Message outbox' },
  columns: [
    { title: { zh: '消息', en: 'Message' }, kind: 'text', value: (r, l) => say(TEMPLATE_LABEL[r.template], l) },
    { title: { zh: '收件人', en: 'To' }, kind: 'text', value: (r) => r.toName },
    { title: { zh: '状态', en: 'State' }, kind: 'text', value: (r, l) => say(OUTBOX_STATUS_LABEL[r.status], l) },
    { title: { zh: '原因', en: 'Why' }, kind: 'text', value: (r, l) => say(explain(r) ?? undefined, l) },
    { title: { zh: '创建时间', en: 'Created' }, kind: 'instant', value: (r) => r.createdAt },
    { title: { zh: '送达时间', en: 'Sent' }, kind: 'instant', value: (r) => r.sentAt },
    { title: { zh: '尝试次数', en: 'Attempts' }, kind: 'count', value: (r) => r.attempts },
  ],
}

/** M3: the month's birthday gifts. */
export const BIRTHDAYS_EXPORT: ReportExport<BirthdayGift> = {
  title: { zh: '会员生日礼物', en: 'Birthday gifts' },
  columns: [
    { title: { zh: '姓名', en: 'Name' }, kind: 'text', value: (r) => r.name },
    { title: { zh: '手机', en: 'Phone' }, kind: 'text', value: (r) => r.maskedPhone },
    { title: { zh: '生日', en: 'Birthday' }, kind: 'date', value: (r) => r.birthday },
    { title: { zh: '近12个月消费', en: 'Spend, last 12 months' }, kind: 'money', value: (r) => r.spend12mFen },
    { title: { zh: '礼物预算', en: 'Gift budget' }, kind: 'money', value: (r) => r.budgetFen },
    { title: { zh: '状态', en: 'Status' }, kind: 'text', value: (r, l) => say(GIFT_STATUS_LABEL[r.status], l) },
    { title: { zh: '购买时间', en: 'Bought at' }, kind: 'instant', value: (r) => r.boughtAt },
    { title: { zh: '送达时间', en: 'Delivered at' }, kind: 'instant', value: (r) => r.deliveredAt },
  ],
}

/** The clinic's bills of one day (day close). */
export const DAY_BILLS_EXPORT: ReportExport<BillSummary> = {
  title: { zh: '收款日结', en: 'Day close' },
  columns: [
    { title: { zh: '单号', en: 'Bill No.' }, kind: 'text', value: (r) => r.billNo },
    { title: { zh: '时间', en: 'Time' }, kind: 'instant', value: (r) => r.at },
    { title: { zh: '患者', en: 'Patient' }, kind: 'text', value: (r) => r.patientName },
    { title: { zh: '病历号', en: 'Record No.' }, kind: 'text', value: (r) => r.recordNo },
    { title: { zh: '实收', en: 'Paid' }, kind: 'money', value: (r) => r.paidFen },
    { title: { zh: '退款', en: 'Refunded' }, kind: 'money', value: (r) => r.refundedFen },
    { title: { zh: '支付方式', en: 'Paid by' }, kind: 'text', value: (r, l) => say(PAYMENT_METHOD_LABEL[r.paymentMethod ?? 'unrecorded'], l) },
  ],
}

/** The month's closed days. */
export const CLOSED_DAYS_EXPORT: ReportExport<ClosedDay> = {
  title: { zh: '日结记录', en: 'Closed days' },
  columns: [
    { title: { zh: '日期', en: 'Day' }, kind: 'date', value: (r) => r.day },
    { title: { zh: '诊所', en: 'Clinic' }, kind: 'text', value: (r) => r.clinicName },
    { title: { zh: '日结时间', en: 'Closed at' }, kind: 'instant', value: (r) => r.closedAt },
    { title: { zh: '日结人', en: 'Closed by' }, kind: 'text', value: (r) => r.closedBy },
    { title: { zh: '笔数', en: 'Bills' }, kind: 'count', value: (r) => r.bills },
    { title: { zh: '实收', en: 'Paid' }, kind: 'money', value: (r) => r.paidFen },
    { title: { zh: '退款', en: 'Refunded' }, kind: 'money', value: (r) => r.refundedFen },
  ],
}

/** Team changes (who, when, what), with clinic names from the page. */
export function teamHistoryExport(clinicName: (id?: string) => string): ReportExport<StaffAuditView> {
  return {
    title: { zh: '人员变更记录', en: 'Team changes' },
    columns: [
      { title: { zh: '时间', en: 'Time' }, kind: 'instant', value: (r) => r.at },
      { title: { zh: '人员', en: 'Staff' }, kind: 'text', value: (r) => r.staffName },
      { title: { zh: '变更', en: 'Change' }, kind: 'text', value: (r, l) => say(describeChange(r, clinicName), l) },
      { title: { zh: '操作人', en: 'By' }, kind: 'text', value: (r, l) => r.byName || say({ zh: '系统初始化', en: 'initial setup' }, l) },
    ],
  }
}
