// CloudBase entry of the `team` function; its actions are in handler.ts. The one-time "first admin"
// step (docs/deploy.md) comes from the operator: a call with no WeChat user behind it.
import { callerOpenid } from '../_core/adapters/cloudbase/caller'
import { cloudbaseMain, cloudbaseTimer } from '../_core/runtime/cloudbase'
import { bootstrapFromOperator, isBootstrapEvent } from '../_core/usecases/team-bootstrap'
import { DomainError } from '../../src/domain/errors'
import def from './handler'

const api = cloudbaseMain(def)
const operator = cloudbaseTimer((deps, event) => bootstrapFromOperator(deps, event, process.env.YAYOU_BOOTSTRAP_SECRET))

export const main = async (event: unknown, context: unknown) => {
  if (!isBootstrapEvent(event)) return api(event, context)
  if (callerOpenid(context) !== null) {
    const e = new DomainError('FORBIDDEN')
    return { ok: false, error: { code: e.code, message: e.messages } }
  }
  return operator(event)
}
