/** Issue 14: the chain's policy for the staff policy page (src/api/policy.ts; `team` function). */
import type { PolicySaveRequest } from '../api/contract'
import { callFunction } from './cloud'

export const policyState = () => callFunction('team', 'policyGet', {})
export const savePolicyVersion = (req: PolicySaveRequest) => callFunction('team', 'policySave', req)
export const policyHistory = (before?: number) => callFunction('team', 'policyHistory', before === undefined ? {} : { before })
