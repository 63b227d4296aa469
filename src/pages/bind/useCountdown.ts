import { useEffect, useState } from 'react'

/**
 * Seconds left until `deadline` (a time on this phone's own clock, ms), ticking once a second; 0
 * when there is none or it passed. The phone's clock, not the server's: the two may differ, so
 * callers set the deadline from the moment an answer arrived plus the lifetime the server promised.
 */
export function useCountdown(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (deadline === null) return undefined
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [deadline])
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000))
}
