/**
 * A short-lived code shown as a QR (S1): the member code and the friend card code. The code is
 * fetched, counted down and fetched again before it lapses, so a screenshot stops working.
 *
 * The countdown runs on the phone's own clock from the moment the code arrived
 * (received + ttlSeconds), not from `expiresAt`: the server clock may differ from the phone's
 * (and in local mode it can be set by hand), and the ttl is what the server promises.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { toApiError, type ApiError } from '../services/cloud'
import { onPersonaChange } from '../services/persona'

/** Refresh this many seconds before the code lapses (at most half its lifetime). */
const REFRESH_BEFORE_S = 10
/** After a failed fetch that may succeed on its own, try again after this long. */
const RETRY_AFTER_S = 5
/** Failures worth retrying by themselves; any other answer stands until the person asks again. */
const TRANSIENT = new Set<string>(['NETWORK', 'INTERNAL', 'CONFLICT'])

/** The signed token (the QR) and its 18-digit short code (digits and barcode), same expiry (S1). */
export interface ShortLivedCode { token: string; shortCode: string; expiresAt: string; ttlSeconds: number }

export interface RotatingCode<T extends ShortLivedCode> {
  /** The code on screen, or null before the first one arrived. */
  code: T | null
  secondsLeft: number
  /** The code on screen has lapsed and a new one is on its way. */
  expired: boolean
  error: ApiError | null
  /** Fetch a new code now (the "refresh now" button). */
  refresh: () => Promise<void>
}

/**
 * `fetchCode` is called on mount, when `key` changes, on persona change (local mode), ttl − 10 s
 * after each code arrived, and RETRY_AFTER_S after a network or server failure (a refusal such as
 * "card used up" stands). Never while the page is hidden; a refresh that fell due meanwhile
 * happens when the page is shown again.
 */
export function useRotatingCode<T extends ShortLivedCode>(fetchCode: () => Promise<T>, key = ''): RotatingCode<T> {
  const [held, setHeld] = useState<{ code: T; deadline: number } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const fetchRef = useRef(fetchCode)
  fetchRef.current = fetchCode
  const inFlight = useRef(false)
  const retryAt = useRef(0)
  const visible = useRef(true)
  useDidShow(() => {
    visible.current = true
    setNow(Date.now())
  })
  useDidHide(() => {
    visible.current = false
  })

  const refresh = useCallback(async () => {
    if (inFlight.current) return
    inFlight.current = true
    retryAt.current = 0
    try {
      const code = await fetchRef.current()
      const ttl = Math.max(1, code.ttlSeconds || Math.round((Date.parse(code.expiresAt) - Date.now()) / 1000))
      const arrived = Date.now()
      setHeld({ code, deadline: arrived + ttl * 1000 })
      setNow(arrived) // count down from the moment the code arrived, never above its lifetime
      setError(null)
    } catch (e) {
      const err = toApiError(e)
      setError(err)
      if (TRANSIENT.has(err.code)) {
        retryAt.current = Date.now() + RETRY_AFTER_S * 1000
      } else {
        // The card is used up, expired or not this person's: the old code is no use any more, and
        // asking again every few seconds would not change the answer ("refresh now" still can).
        setHeld(null)
        retryAt.current = Number.POSITIVE_INFINITY
      }
    } finally {
      inFlight.current = false
    }
  }, [])

  useEffect(() => {
    setHeld(null)
    void refresh()
    const off = onPersonaChange(() => {
      setHeld(null)
      void refresh()
    })
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => {
      off()
      clearInterval(timer)
    }
  }, [refresh, key])

  const secondsLeft = held ? Math.max(0, Math.ceil((held.deadline - now) / 1000)) : 0
  // Auto-refresh: ttl − 10 s after issue (or halfway for very short ttls), and retry after errors.
  useEffect(() => {
    if (inFlight.current || !visible.current) return
    const refreshAt = held ? held.deadline - Math.min(REFRESH_BEFORE_S, (held.code.ttlSeconds || 0) / 2) * 1000 : 0
    if (held && now >= refreshAt && now >= retryAt.current) void refresh()
    if (!held && error && now >= retryAt.current) void refresh()
  }, [now, held, error, refresh])

  return { code: held?.code ?? null, secondsLeft, expired: held !== null && secondsLeft === 0, error, refresh }
}
