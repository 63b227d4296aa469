/**
 * One lock per money or writing action of the desk (issue 13 item 7; S3): `run('confirm', f)` runs
 * f unless a 'confirm' is already running, so a double tap sends once — the lock is a ref, taken
 * before React re-renders. `busy(name)` is for the button's label; `lock(name)` hands the same lock
 * to a panel that runs its own call (registration, the owner's consent).
 */
import { useCallback, useRef, useState, type MutableRefObject } from 'react'

export type SubmitAction = 'scan' | 'preview' | 'confirm' | 'register' | 'consent'

export interface Submit {
  run: (action: SubmitAction, f: () => Promise<void>) => Promise<void>
  busy: (action: SubmitAction) => boolean
  lock: (action: SubmitAction) => MutableRefObject<boolean>
}

export function useSubmit(): Submit {
  const locks = useRef(new Map<SubmitAction, MutableRefObject<boolean>>())
  const [running, setRunning] = useState<ReadonlySet<SubmitAction>>(new Set())

  const lock = useCallback((action: SubmitAction) => {
    let ref = locks.current.get(action)
    if (!ref) {
      ref = { current: false }
      locks.current.set(action, ref)
    }
    return ref
  }, [])

  const mark = (action: SubmitAction, on: boolean) =>
    setRunning((xs) => { const next = new Set(xs); if (on) next.add(action); else next.delete(action); return next })

  const run = useCallback(async (action: SubmitAction, f: () => Promise<void>) => {
    const ref = lock(action)
    if (ref.current) return // a second tap while the first is on its way
    ref.current = true
    mark(action, true)
    try {
      await f()
    } finally {
      ref.current = false
      mark(action, false)
    }
  }, [lock])

  return { run, busy: (action) => running.has(action), lock }
}
