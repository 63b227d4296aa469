// CloudBase entry of the `referral` function; its actions are in handler.ts.
import { cloudbaseMain } from '../_core/runtime/cloudbase'
import def from './handler'

export const main = cloudbaseMain(def)
