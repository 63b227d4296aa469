/**
 * S3: one request at a time from the buttons that write — the lock behind useSingleFlight
 * (hooks.ts), kept free of React and Taro so its unit test drives it as it is.
 *
 * The lock is a plain variable, taken in the same tick as the tap: a second tap before React
 * re-renders finds it held and sends nothing (a disabled button comes one render too late for
 * that). Without a confirm, `work` starts in that tick too, so a WeChat dialog that must open from
 * the tap itself (the subscribe request) still can. The lock is released and busy cleared however
 * the run ends; a failure goes to `onError` as an ApiError, never swallowed.
 */
import { toApiError, type ApiError } from '../services/answer'

/** What `run` is told besides the work itself. */
export interface FlightOptions<K> {
  /** Which button the run is for (a row's id, say): `busyKey` names it while it runs. */
  key?: K
  /** Asked with the lock already held, so a second tap opens no second dialog; busy shows only after yes. */
  confirm?: () => Promise<boolean>
  /** A failure of `confirm` or `work`, as the banner shows it. */
  onError: (e: ApiError) => void
}

/** What is under way, for the screen: the run's key (null without one), or null when nothing runs. */
export type Running<K> = { key: K | null } | null

export interface Flight<K> {
  /** The lock itself: for the checks a page makes before `run` (validation shown only when free). */
  held: () => boolean
  /** Runs `work` unless a run already holds the lock; then it does nothing at all. */
  run: (work: () => Promise<void>, options: FlightOptions<K>) => Promise<void>
}

/** One lock; `show` hears when busy starts (after the confirm) and when it ends. */
export function createFlight<K>(show: (running: Running<K>) => void): Flight<K> {
  let locked = false
  return {
    held: () => locked,
    async run(work, { key, confirm, onError }) {
      if (locked) return
      locked = true
      try {
        if (confirm && !(await confirm())) return
        show({ key: key ?? null })
        await work()
      } catch (e) {
        onError(toApiError(e))
      } finally {
        locked = false
        show(null)
      }
    },
  }
}
