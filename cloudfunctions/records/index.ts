// CloudBase entry of the `records` function (patient import); its actions are in handler.ts.
import { cloudbaseMain } from '../_core/runtime/cloudbase'
import def from './handler'

export const main = cloudbaseMain(def)
