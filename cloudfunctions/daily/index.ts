// CloudBase entry of the daily job (N1), fired by the timer in config.json at 09:00 China time.
import { cloudbaseTimer } from '../_core/runtime/cloudbase'
import { runDaily } from '../_core/usecases/daily'

export const main = cloudbaseTimer(runDaily)
