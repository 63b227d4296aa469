/**
 * Pull-to-refresh (issue 12, WeChat look) instead of a 刷新 button. The page's config sets
 * `enablePullDownRefresh: true` (weapp: WeChat's own pull; H5: Taro wraps the page in its
 * pull-to-refresh element, driven by touch); pulling runs the page's `reload`, and the spinner stops
 * once that load has finished (or failed), not before.
 */
import { useEffect, useRef } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** A load that never ends (lost answer) still lets go of the spinner after this long. */
const GIVE_UP_MS = 15_000

function stop() {
  try {
    void Taro.stopPullDownRefresh()
  } catch {
    // A host without pull-down refresh (a test harness) has nothing to stop.
  }
}

/** `loading`: whether the page's load is running (useLoad's `state === 'loading'`). */
export function usePullRefresh(reload: () => void, loading: boolean): void {
  // asked: pulled, the reload not yet seen running; running: seen running, stop when it ends.
  const phase = useRef<'idle' | 'asked' | 'running'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const finish = () => {
    phase.current = 'idle'
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    stop()
  }

  usePullDownRefresh(() => {
    if (phase.current !== 'idle') return // one refresh at a time
    phase.current = 'asked'
    timer.current = setTimeout(finish, GIVE_UP_MS)
    reload()
  })

  useEffect(() => {
    if (phase.current === 'asked' && loading) phase.current = 'running'
    else if (phase.current === 'running' && !loading) finish()
  }, [loading])

  useEffect(() => () => { if (timer.current) clearTimeout(timer.current) }, [])
}
