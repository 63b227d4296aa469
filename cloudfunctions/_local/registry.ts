/** Every cloud function's definition, by name: the local cloud serves these, the build bundles them. */
import identity from '../identity/handler'
import member from '../member/handler'
import reception from '../reception/handler'
import friendcard from '../friendcard/handler'
import family from '../family/handler'
import membership from '../membership/handler'
import referral from '../referral/handler'
import partner from '../partner/handler'
import notify from '../notify/handler'
import events from '../events/handler'
import team from '../team/handler'
import records from '../records/handler'
import privacy from '../privacy/handler'
import clinic from '../clinic/handler'
import type { FunctionDef } from '../_core/runtime/define'
import type { FnName } from '../../src/api/contract'

export const FUNCTIONS: { [F in FnName]: FunctionDef<F> } = { identity, member, family, membership, friendcard, referral, partner, reception, notify, events, team, records, privacy, clinic }

export const isFnName = (n: string): n is FnName => Object.prototype.hasOwnProperty.call(FUNCTIONS, n)
