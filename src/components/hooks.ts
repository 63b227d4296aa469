import { useCallback, useEffect, useRef, useState } from 'react'
import { onPersonaChange } from '../services/persona'
import { answerOf, readAnswer, toApiError, type ApiError } from '../services/cloud'
import type { Early } from '../services/early'
import { createFlight, type Flight, type Running } from './singleFlight'

/** A number that changes whenever the local persona changes: put it in a page's load deps. */
export function usePersonaKey(): number {
  const [key, setKey] = useState(0)
  useEffect(() => onPersonaChange(() => setKey((k) => k + 1)), [])
  return key
}

export type Load<T> =
  /** `data`: while `reload()` runs, what the last load returned (same person), so the page need not blank. */
  | { state: 'loading'; data?: T; error?: undefined }
  | { state: 'ready'; data: T; error?: undefined }
  | { state: 'error'; data?: undefined; error: ApiError }

/**
 * Runs `fetcher` on mount, on persona change and on `reload()`; a newer run wins over an older
 * one still in flight. Errors are kept for the banner, never dropped. `early`: the same request,
 * already started when the app started (services/early.ts): the first load takes its answer instead
 * of asking again, and when it has already come, the first render shows it (issue 12, speed).
 */
export function useLoad<T>(fetcher: () => Promise<T>, early?: Early): [Load<T>, () => void] {
  const personaKey = usePersonaKey()
  const [tick, setTick] = useState(0)
  const earlyRef = useRef(early)
  const shownEarly = useRef(false)
  const [load, setLoad] = useState<Load<T>>(() => {
    if (!early?.settled) return { state: 'loading' }
    shownEarly.current = true
    try {
      return { state: 'ready', data: readAnswer<T>(early.settled.value) }
    } catch (e) {
      return { state: 'error', error: toApiError(e) }
    }
  })
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  const loadedFor = useRef(personaKey)

  useEffect(() => {
    let live = true
    const first = earlyRef.current
    earlyRef.current = undefined
    // A reload for the same person keeps the last data on screen; another persona never sees it.
    const samePerson = loadedFor.current === personaKey
    loadedFor.current = personaKey
    if (first && shownEarly.current) return () => { live = false } // the first render already has it
    setLoad((prev) => (samePerson && prev.data !== undefined ? { state: 'loading', data: prev.data } : { state: 'loading' }))
    const run = first ? answerOf<T>(first.answer) : fetcherRef.current()
    run.then(
      (data) => { if (live) setLoad({ state: 'ready', data }) },
      (e: unknown) => { if (live) setLoad({ state: 'error', error: toApiError(e) }) },
    )
    return () => { live = false }
  }, [personaKey, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return [load, reload]
}

export interface SingleFlight<K> extends Flight<K> {
  /** A run is under way (after its confirm): for the button's label and `disabled`. */
  busy: boolean
  /** The `key` of the run under way, or null. */
  busyKey: K | null
}

/**
 * S3: the submit lock of every button that writes (singleFlight.ts): `run(work, { onError })` sends
 * once however fast the taps come. One flight per component: its buttons wait for each other.
 * (The front desk keys a lock per money action instead: staff/reception/useSubmit.ts.)
 */
export function useSingleFlight<K = never>(): SingleFlight<K> {
  const [running, setRunning] = useState<Running<K>>(null)
  const [flight] = useState(() => createFlight<K>(setRunning))
  return { busy: running !== null, busyKey: running?.key ?? null, held: flight.held, run: flight.run }
}
