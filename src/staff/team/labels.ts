/** How staff roles and staff changes read in the app (role keys never reach the screen). */
import type { StaffAuditView, StaffRole } from '../../api/contract'
import { STAFF_ROLES } from '../../domain/permissions'
import type { Msg } from '../../i18n'

export const ROLE_LABEL: Record<StaffRole, Msg> = {
  receptionist: { zh: '前台', en: 'Receptionist' },
  consultant: { zh: '咨询师', en: 'Consultant' },
  doctor: { zh: '医生', en: 'Doctor' },
  director: { zh: '院长', en: 'Director' },
  admin: { zh: '管理员', en: 'Administrator' },
}

export const ROLES: readonly StaffRole[] = STAFF_ROLES

const role = (r: StaffRole | undefined): Msg => (r ? ROLE_LABEL[r] : { zh: '', en: '' })

/** One audit entry in words: what changed, from what to what. */
export function describeChange(e: StaffAuditView, clinicName: (id?: string) => string): Msg {
  switch (e.change) {
    case 'invite': return { zh: `发出邀请（${role(e.after?.role).zh}，${clinicName(e.after?.clinicId)}）`, en: `Invited (${role(e.after?.role).en}, ${clinicName(e.after?.clinicId)})` }
    case 'reinvite': return { zh: '重新发出邀请，旧邀请码作废', en: 'Invited again; the old code no longer works' }
    case 'join': return { zh: '打开邀请，绑定微信加入', en: 'Opened the invitation and joined with WeChat' }
    case 'role': return { zh: `角色：${role(e.before?.role).zh} → ${role(e.after?.role).zh}`, en: `Role: ${role(e.before?.role).en} → ${role(e.after?.role).en}` }
    case 'clinic': return { zh: `诊所：${clinicName(e.before?.clinicId)} → ${clinicName(e.after?.clinicId)}`, en: `Clinic: ${clinicName(e.before?.clinicId)} → ${clinicName(e.after?.clinicId)}` }
    case 'disable': return { zh: '停用账号', en: 'Account disabled' }
    case 'enable': return { zh: '重新启用账号', en: 'Account enabled again' }
  }
}
