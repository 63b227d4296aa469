/** How staff roles and staff changes read in the app (Chinese; role keys never reach the screen). */
import type { StaffAuditView, StaffRole } from '../../api/contract'
import { STAFF_ROLES } from '../../domain/permissions'

export const ROLE_LABEL: Record<StaffRole, string> = {
  receptionist: '前台',
  consultant: '咨询师',
  doctor: '医生',
  director: '院长',
  admin: '管理员',
}

export const ROLES: readonly StaffRole[] = STAFF_ROLES

/** One audit entry in words: what changed, from what to what. */
export function describeChange(e: StaffAuditView, clinicName: (id?: string) => string): string {
  switch (e.change) {
    case 'invite': return `发出邀请（${e.after?.role ? ROLE_LABEL[e.after.role] : ''}，${clinicName(e.after?.clinicId)}）`
    case 'reinvite': return '重新发出邀请，旧邀请码作废'
    case 'join': return '打开邀请，绑定微信加入'
    case 'role': return `角色：${e.before?.role ? ROLE_LABEL[e.before.role] : ''} → ${e.after?.role ? ROLE_LABEL[e.after.role] : ''}`
    case 'clinic': return `诊所：${clinicName(e.before?.clinicId)} → ${clinicName(e.after?.clinicId)}`
    case 'disable': return '停用账号'
    case 'enable': return '重新启用账号'
  }
}
