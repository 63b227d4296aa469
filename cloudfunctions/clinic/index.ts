// CloudBase entry of the `clinic` function: see handler.ts for its actions.
import { cloudbaseMain } from '../_core/runtime/cloudbase'
import def from './handler'

export const main = cloudbaseMain(def)
