/**
 * What both landings do around their view: show the offer once it comes (a skeleton only if it is
 * slow), redraw on every change, and run the friend's one tap — a second tap before the answer is
 * ignored; a refusal shows the server's words, and when the offer itself changed meanwhile (taken
 * by someone else, expired) the offer is asked for again.
 */
import type { Msg } from '../i18n'
import { toApiError, type ApiError } from './api'
import { shell, loading } from './shell'

/** How long an answer may take before the skeleton shows: a fast one would only flash it (and its shine costs a slow phone frames). */
export const SKELETON_AFTER_MS = 300

export interface Landing<T> {
  data: T | null
  busy: boolean
  /** The friend's tap: `act` answers the new offer; on a refusal that `changed` says is about the offer, `again` reloads it. */
  tap(act: () => Promise<T>, changed: (code: string) => boolean, again: () => Promise<T>): void
}

export function runLanding<T>(o: {
  title: Msg
  first: Promise<T> | null
  /** Why there is nothing to ask for (the link lost its parameter), or null. */
  missing: ApiError | null
  view: (l: Landing<T>) => Node[]
  into: (nodes: Node[]) => void
}): void {
  let error = o.missing
  let pending = Boolean(o.first)
  let slow = false
  let locked = false
  const l: Landing<T> = {
    data: null,
    busy: false,
    tap(act, changed, again) {
      if (locked) return
      locked = true
      l.busy = true
      error = null
      redraw()
      act().then((d) => { l.data = d }, (e) => {
        error = toApiError(e)
        if (changed(error.code)) load(again())
      }).finally(() => { locked = false; l.busy = false; redraw() })
    },
  }
  function redraw(): void {
    const body = l.data ? o.view(l) : pending && slow ? [loading()] : []
    o.into(shell(o.title, error, l.data ? () => { error = null; redraw() } : null, body, redraw))
  }
  function load(p: Promise<T>): void {
    pending = true
    p.then((d) => { l.data = d }, (e) => { error = toApiError(e) }).finally(() => { pending = false; redraw() })
  }
  setTimeout(() => { slow = true; if (pending) redraw() }, SKELETON_AFTER_MS)
  if (o.first) load(o.first)
  redraw()
}
