/**
 * The staff pages a person's role may open, as a grid. A page shows only to staff whose role may
 * call its main action in the one permissions table (src/domain/permissions.ts), which the server
 * enforces too: no role is named here. Shown on 我的 (issue 12: staff reach their pages from 我的)
 * and as the staff desk on 首页.
 */
import type { ActionOf, FnName, Persona } from '../../api/contract'
import { can } from '../../domain/permissions'
import type { Msg } from '../../i18n'
import { EntryGrid, type Entry } from '../index/EntryGrid'

type PageAction = { [F in FnName]: [F, ActionOf<F>] }[FnName]
type StaffPage = { id: string; page: string; label: Msg; glyph: Msg; main: PageAction }

const STAFF_PAGES: readonly StaffPage[] = [
  { id: 'goto-reception', page: 'reception', label: { zh: '前台收款', en: 'Reception' }, glyph: { zh: '收', en: 'R' }, main: ['reception', 'scan'] },
  { id: 'goto-staff-cards', page: 'cards', label: { zh: '亲友卡管理', en: 'Friend cards' }, glyph: { zh: '卡', en: 'C' }, main: ['friendcard', 'issue'] },
  { id: 'goto-staff-referral', page: 'referral', label: { zh: '转介绍', en: 'Referrals' }, glyph: { zh: '荐', en: 'R' }, main: ['referral', 'daySheet'] },
  { id: 'goto-staff-membership', page: 'membership', label: { zh: '到期提醒', en: 'Renewals' }, glyph: { zh: '期', en: 'M' }, main: ['membership', 'reminders'] },
  { id: 'goto-staff-birthdays', page: 'birthdays', label: { zh: '生日礼物', en: 'Birthdays' }, glyph: { zh: '礼', en: 'B' }, main: ['membership', 'birthdays'] },
  { id: 'goto-staff-events', page: 'events', label: { zh: '活动签到', en: 'Events' }, glyph: { zh: '活', en: 'E' }, main: ['events', 'plan'] },
  { id: 'goto-staff-outbox', page: 'outbox', label: { zh: '发送记录', en: 'Messages sent' }, glyph: { zh: '信', en: 'M' }, main: ['notify', 'outbox'] },
  { id: 'goto-staff-team', page: 'team', label: { zh: '员工管理', en: 'Staff' }, glyph: { zh: '员', en: 'S' }, main: ['team', 'list'] },
  { id: 'goto-staff-import', page: 'import', label: { zh: '患者导入', en: 'Import' }, glyph: { zh: '导', en: 'I' }, main: ['records', 'importPatients'] },
  { id: 'goto-staff-pricelist', page: 'pricelist', label: { zh: '收费项目', en: 'Price list' }, glyph: { zh: '价', en: 'P' }, main: ['records', 'savePriceItem'] },
  { id: 'goto-staff-appointments', page: 'appointments', label: { zh: '预约申请', en: 'Appointments' }, glyph: { zh: '约', en: 'A' }, main: ['clinic', 'appointments'] },
  { id: 'goto-staff-bills', page: 'bills', label: { zh: '账单查询', en: 'Bills' }, glyph: { zh: '账', en: 'B' }, main: ['reception', 'findBills'] },
  { id: 'goto-staff-dayclose', page: 'dayclose', label: { zh: '日结', en: 'Day close' }, glyph: { zh: '结', en: 'D' }, main: ['reception', 'daySheet'] },
  // Issue 14: the chain's policy, for whoever may save it (director, admin).
  { id: 'goto-staff-policy', page: 'policy', label: { zh: '规则设置', en: 'Policy' }, glyph: { zh: '规', en: 'P' }, main: ['team', 'policySave'] },
  // Issue 14 item 1: the director's dashboard (director, admin).
  { id: 'goto-staff-dashboard', page: 'dashboard', label: { zh: '经营看板', en: 'Dashboard' }, glyph: { zh: '看', en: 'D' }, main: ['team', 'dashboard'] },
]

/** The staff pages this persona may open (none for a patient or a guest). */
export function staffEntries(persona: Persona): Entry[] {
  return STAFF_PAGES.filter(({ main: [fn, action] }) => can(persona, fn, action as never))
    .map(({ id, page, label, glyph }) => ({ id, label, glyph, url: `/staff/${page}/index` }))
}

export function StaffEntries({ persona, id }: { persona: Persona; id?: string }) {
  const entries = staffEntries(persona)
  return entries.length ? <EntryGrid id={id} entries={entries} /> : null
}
