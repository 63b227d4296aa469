/**
 * C2 我的数据 as a file the patient keeps: one JSON file (every section, amounts in fen, instants
 * in UTC, for machines) or one CSV table (every section, amounts in yuan, clinic time, for a
 * spreadsheet). The file name carries the record number and the date.
 */
import type { DataExportFile, ExportFormat } from '../../../src/api/privacy'
import { toCsv } from '../../../src/domain/referral/csv'
import { clinicDate, clinicDateTime } from '../../../src/services/format'
import { CURRENCY_UNIT } from '../../../src/domain/policy-money'
import { currentPolicy, type Deps } from '../deps'
import { chainSettingsOf } from '../chain-settings'
import { collectPatientData, countsOf, type PatientData } from './privacy-export'

const yuan = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(2))

/** Times in the clinic's zone and amounts in its unit (issue 14: the chain's policy, not UTC+8 and 元). */
interface Shown { when: (iso: string | undefined) => string; day: (iso: string | undefined) => string; unit: string }

const PROFILE_LABEL: Record<string, string> = {
  recordNo: '病历编号', name: '姓名', phone: '手机号', birthday: '出生日期', clinic: '建档门店', registeredAt: '建档时间', tier: '会员等级',
  annualUntil: '年度会员有效期至', lifetimeSince: '终身会员开始', cumulativeSpendFen: '累计消费', importedSpendFen: '原系统历史消费',
  bonusBalanceFen: '奖励金余额', displayName: '对朋友显示的称呼', referralCode: '推荐码',
}

function profileRows(p: PatientData['profile'], { when, unit }: Shown): string[][] {
  const rows: string[][] = []
  for (const [key, label] of Object.entries(PROFILE_LABEL)) {
    const text = key.endsWith('Fen') ? `${label}（${unit}）` : label
    const v = p[key]
    if (v === undefined || v === null || v === '') continue
    const shown = key.endsWith('Fen') ? yuan(v as number) : /At$|Since$|Until$/.test(key) ? when(v as string) : String(v)
    rows.push(['档案', '', text, '', shown])
  }
  for (const w of (p.wechat as Array<Record<string, string | undefined>>) ?? []) {
    rows.push(['档案', when(w.linkedAt), '绑定的微信', '', [w.displayName, w.verifiedPhone ? `已验证手机 ${w.verifiedPhone}` : '', w.privacyAcceptedVersion ? `已同意隐私告知（${w.privacyAcceptedVersion}版）` : ''].filter(Boolean).join('，')])
  }
  for (const g of (p.birthdayGifts as Array<{ month: string; budgetFen: number; status: string }>) ?? []) {
    rows.push(['档案', g.month, '生日礼物', yuan(g.budgetFen), g.status])
  }
  return rows
}

function csvOf(d: PatientData, shown: Shown): string {
  const { when, day, unit } = shown
  const rows: string[][] = [...profileRows(d.profile, shown)]
  for (const v of d.visits) {
    const parts = [`原价 ${yuan(v.subtotalFen)}`]
    if (v.memberDiscountFen) parts.push(`会员折扣 -${yuan(v.memberDiscountFen)}`)
    if (v.couponFen) parts.push(`首诊券 -${yuan(v.couponFen)}`)
    if (v.friendCardFen) parts.push(`亲友卡 -${yuan(v.friendCardFen)}`)
    if (v.bonusFen) parts.push(`奖励金 -${yuan(v.bonusFen)}`)
    if (v.refundedFen) parts.push(`已退款 ${yuan(v.refundedFen)}`)
    if (v.rating) parts.push(`评价 ${v.rating.score} 分${v.rating.comment ? `：${v.rating.comment}` : ''}${v.rating.followUp ? `（回访：${v.rating.followUp.status}${v.rating.followUp.note ? `，${v.rating.followUp.note}` : ''}）` : ''}`)
    rows.push(['就诊', when(v.at), `${v.clinic}：${v.items.map((i) => `${i.name} ${yuan(i.amountFen)}`).join('；')}`, yuan(v.paidFen), parts.join('，')])
  }
  for (const l of d.ledger) rows.push(['账户明细', when(l.at), `${l.account} · ${l.what}`, yuan(l.amountFen), `变动后 ${yuan(l.balanceAfterFen)}`])
  for (const m of d.messages) rows.push(['消息', when(m.at), `${m.kind}：${m.title}`, '', `${m.body}（${m.status}）`])
  for (const c of d.consents) rows.push(['同意记录', when(c.at), c.what, '', c.source])
  for (const r of d.referrals) {
    const paid = (r.payouts ?? []).map((p) => `外部奖励 ${yuan(p.amountFen)} ${p.status}`).join('，')
    rows.push(['推荐', when(r.at), r.role, yuan(r.rewardFen), [r.status, paid].filter(Boolean).join('，')])
  }
  for (const c of d.coupons) rows.push(['优惠券', when(c.issuedAt), `首诊优惠券，赠品：${c.gift}`, yuan(c.discountFen), `${c.status}，${day(c.expiresAt)} 到期`])
  for (const c of d.cards) {
    rows.push(['亲友卡', when(c.issuedAt), `${c.role}亲友卡，面值 ${yuan(c.faceValueFen)}`, yuan(c.balanceFen), [`${c.state}`, c.registeredAt ? '已到店登记，不再过期' : `${day(c.expiresAt)} 到期`].join('，')])
  }
  for (const f of d.family) rows.push(['家庭', when(f.since), f.relation, '', `${f.name}${f.mayUseMyBalance ? '，可直接使用我的余额' : ''}`])
  for (const e of d.events) rows.push(['会员活动', e.date, e.event, '', `${e.answer}${e.guests ? `，同行 ${e.guests} 人` : ''}${e.checkedInAt ? `，${when(e.checkedInAt)} 签到` : ''}`])
  for (const a of d.appointments) rows.push(['预约申请', when(a.requestedAt), `${a.clinic}：${a.date} ${a.timeOfDay}`, '', `${a.status}，联系电话 ${a.phone}${a.note ? `，备注：${a.note}` : ''}`])
  if (d.truncated.length) rows.push(['说明', '', '部分记录过多，本文件只包含前面的部分', '', '如需完整记录，请联系门店前台'])
  return toCsv(['分类', '时间', '内容', `金额（${unit}）`, '说明'], rows)
}

function jsonOf(d: PatientData, unit: string): string {
  return JSON.stringify({
    readme: `牙友口腔为您保存的个人信息。金额以最小单位记（100 = 1 ${unit}），时间为 UTC（协调世界时）。其他人只以“姓氏 + *”出现。`,
    ...d,
  }, null, 2)
}

/** The patient's data as one file. */
export async function exportFile(deps: Deps, patientId: string, caller: string, format: ExportFormat): Promise<DataExportFile> {
  const d = await collectPatientData(deps, patientId, caller)
  const policy = await currentPolicy(deps.store)
  const offset = chainSettingsOf(policy, deps.clock.now()).utcOffsetMinutes
  const unit = CURRENCY_UNIT[policy.currency].zh
  const shown: Shown = { when: (iso) => (iso ? clinicDateTime(iso, offset) : ''), day: (iso) => (iso ? clinicDate(iso, offset) : ''), unit }
  const stamp = clinicDate(d.generatedAt, offset).replace(/-/g, '')
  const base = `yayou-mydata-${String(d.profile.recordNo).replace(/[^A-Za-z0-9_-]/g, '')}-${stamp}`
  const file = format === 'csv'
    ? { fileName: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', content: csvOf(d, shown) }
    : { fileName: `${base}.json`, mimeType: 'application/json;charset=utf-8', content: jsonOf(d, unit) }
  return { ...file, counts: countsOf(d), truncated: d.truncated, generatedAt: d.generatedAt }
}

export async function dataSummary(deps: Deps, patientId: string, caller: string) {
  const d = await collectPatientData(deps, patientId, caller)
  return { counts: countsOf(d), truncated: d.truncated }
}
