// CloudBase entry of the `privacy` function; its actions are in handler.ts.
import { cloudbaseMain } from '../_core/runtime/cloudbase'
import def from './handler'

export const main = cloudbaseMain(def)
