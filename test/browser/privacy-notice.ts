/** The privacy notice (C2) shows to someone who has not agreed yet: they agree, as they would, and go on. */
import type { Page } from 'playwright-core'
import { byId } from './harness'

export async function agreeIfAsked(page: Page): Promise<void> {
  const accept = byId(page, 'privacy-accept')
  try {
    await accept.waitFor({ state: 'visible', timeout: 3000 })
  } catch {
    return
  }
  await accept.click()
  await accept.waitFor({ state: 'hidden' })
}
