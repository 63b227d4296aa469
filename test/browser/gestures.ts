/**
 * Browser helpers for what a finger does beyond a tap: answering WeChat's confirmation dialog
 * (confirmAction, issue 12; Taro H5 draws showModal in its own DOM), pulling a list to refresh, and a
 * hurried double tap.
 */
import type { Page } from 'playwright-core'
import { byId, explain, WAIT_MS } from './harness'

/** Taro H5's showModal dialog (its own DOM; the class names are Taro's, "model" sic). */
const modal = (page: Page) => page.locator('.taro-modal__content').filter({ visible: true }).first()

/** Waits for the confirmation dialog (confirmAction, issue 12) and returns its title and text. */
export async function modalText(page: Page): Promise<string> {
  await explain(page, 'no confirmation dialog appeared', () => modal(page).waitFor({ state: 'visible', timeout: WAIT_MS }))
  return (await modal(page).innerText()).replace(/\s+/g, ' ').trim()
}

/** Taps the dialog's confirm button; returns what the dialog said. */
export async function acceptModal(page: Page): Promise<string> {
  const text = await modalText(page)
  await modal(page).locator('.taro-model__confirm').click()
  await modal(page).waitFor({ state: 'hidden', timeout: WAIT_MS })
  return text
}

/** Taps the dialog's cancel button; returns what the dialog said. */
export async function dismissModal(page: Page): Promise<string> {
  const text = await modalText(page)
  await modal(page).locator('.taro-model__cancel').click()
  await modal(page).waitFor({ state: 'hidden', timeout: WAIT_MS })
  return text
}

/**
 * Pulls the page down as a finger does (enablePullDownRefresh, usePullRefresh): touch events on the
 * element Taro's pull-to-refresh listens to, far enough past its 50 px threshold.
 */
export async function pullToRefresh(page: Page): Promise<void> {
  await explain(page, 'could not pull to refresh', () => page.evaluate(async () => {
    const pull = Array.from(document.querySelectorAll('taro-pull-to-refresh-core')).find((e) => e.getClientRects().length > 0)
    const target = pull?.parentElement
    if (!pull || !target) throw new Error('this page has no pull-to-refresh')
    const touch = (y: number) => new Touch({ identifier: 1, target, clientX: 100, clientY: y, screenX: 100, screenY: y })
    const fire = (type: string, y: number) => target.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: type === 'touchend' ? [] : [touch(y)], changedTouches: [touch(y)] }))
    fire('touchstart', 100)
    for (let y = 120; y <= 500; y += 20) {
      fire('touchmove', y)
      await new Promise((r) => setTimeout(r, 10))
    }
    fire('touchend', 500)
  }))
}

/** A double tap as a hurried thumb makes it: two clicks before the page can answer the first. */
export const doubleTap = (page: Page, id: string) => byId(page, id).evaluate((el) => { (el as HTMLElement).click(); (el as HTMLElement).click() })
