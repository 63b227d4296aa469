/** What a weapp page test holds: the rendered page and how to read and tap it (harness.ts renders it). */
import type { CloudCall, RenderedComponent } from './harness'

/** The element with this id in `scope` or in any component nested in it (Taro renders through `comp`). */
export function findById(scope: RenderedComponent, id: string): RenderedComponent | undefined {
  const selector = `#${id.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`)}`
  const hit = scope.querySelector(selector)
  if (hit) return hit
  for (const nested of scope.querySelectorAll('comp')) {
    const deep = findById(nested, id)
    if (deep) return deep
  }
  return undefined
}

export interface RenderedPage {
  /** The page's root DOM (as the simulated WeChat renders it). */
  root: HTMLElement
  component: RenderedComponent
  /** The element with this id, or null. */
  byId(id: string): HTMLElement | null
  /** Its text with whitespace collapsed, or null when it is not there. */
  textOf(id: string): string | null
  /** The whole page's text. */
  text(): string
  /** Waits until `check` holds (polling the real timers), or fails with what the page shows. */
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>
  /** Taps the element with this id (a `tap` event through Taro's event handler). */
  tap(id: string): Promise<void>
  /** Cloud calls made so far (name and event). */
  calls: CloudCall[]
  close(): void
}
