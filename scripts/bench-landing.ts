/**
 * Issue 12, speed: how soon a friend can act on a shared link. The H5 build on the local server, in a
 * phone-sized Chromium with the CPU slowed 4× (DevTools' "mid-tier mobile"), a fresh browser context
 * each time (a first visit: nothing cached). "Interactive" is the moment the page's own button is on
 * screen (the claim button, the take-coupon button): its data has arrived and React has drawn it.
 * The same is measured for a trivial page served by the same server in the same rounds; read the
 * ratio (goal: ≤ 1 s, and ≤ 2× the trivial page). Also: the bytes the browser downloaded. A shared
 * link opens the landing's light entry (src/landing); the app's own pages are timed for comparison.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST_H5, startHarness, urlFor } from '../test/browser/harness'
import { shareLink } from '../src/services/landings'

const ROUNDS = 5
const THROTTLE = 4
const TRIVIAL = 'bench-trivial.html'

interface Probe { label: string; url: (base: string) => string; ready: string }

const PROBES: Probe[] = [
  { label: 'trivial page', url: (b) => `${b}/${TRIVIAL}`, ready: '#ready' },
  // What a shared link opens on H5 (services/landings.ts shareLink): the light entry.
  { label: 'card claim (F3)', url: (b) => `${shareLink(CARD, b)}&as=demo-friend`, ready: '#claim-btn' },
  { label: 'referral coupon (R2)', url: (b) => `${shareLink(COUPON, b)}&as=demo-friend`, ready: '#take-coupon' },
  // The same pages inside the app (in-app navigation; for comparison, not the goal).
  { label: 'card claim, in the app', url: (b) => urlFor(b, 'demo-friend', CARD), ready: '#claim-btn' },
  { label: 'coupon, in the app', url: (b) => urlFor(b, 'demo-friend', COUPON), ready: '#take-coupon' },
]
const CARD = 'pages/card/claim/index?t=demo-share-token-new-card-0001'
const COUPON = 'pages/referral/index?c=DKH87NJG'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function benchLanding(): Promise<void> {
  // A page with nothing to do, from the same server: the floor every page pays (connection, HTML).
  writeFileSync(join(DIST_H5, TRIVIAL), '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><p id="ready">ok</p></body></html>')
  const h = await startHarness()
  try {
    const times: Record<string, number[]> = {}
    const bytes: Record<string, number> = {}
    for (let r = 0; r < ROUNDS; r++) {
      for (const p of PROBES) {
        const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
        await cdp.send('Network.enable')
        let downloaded = 0
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { downloaded += e.encodedDataLength })
        const t0 = Date.now()
        await page.goto(p.url(h.baseUrl), { waitUntil: 'commit' }) // the clock stops at the button, not at the load event
        await page.locator(p.ready).first().waitFor({ state: 'visible', timeout: 30_000 })
        ;(times[p.label] ??= []).push(Date.now() - t0)
        bytes[p.label] = downloaded
        await context.close()
      }
    }
    const floor = median(times[PROBES[0].label])
    console.log(`\nfriend landing pages: interactive on the H5 build, CPU ×${THROTTLE} slower, first visit, median of ${ROUNDS} (goal ≤ 1000 ms and ≤ 2× the trivial page)`)
    for (const p of PROBES) {
      const m = median(times[p.label])
      console.log(`  ${p.label.padEnd(24)} ${String(m).padStart(5)} ms  ×${(m / floor).toFixed(2)} of the trivial page  ${(bytes[p.label] / 1024).toFixed(0).padStart(5)} KB transferred`)
    }
  } finally {
    await h.close()
  }
}

if (require.main === module) {
  void import('./lib').then(async ({ buildApp }) => { buildApp('h5'); await benchLanding() })
}
