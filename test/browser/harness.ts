/**
 * Browser harness for the H5 build: the local cloud (in-memory SQLite, demo data, clock pinned)
 * and the local HTTP server serving `dist-h5/` on a free port on 127.0.0.1, driven by the
 * system Chromium through playwright-core. No browser is ever downloaded.
 *
 * Each persona gets its own browser context (own localStorage, own cookies), so a member and a
 * receptionist can be "on their own phones" at the same time, as at a real reception desk.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { LocalClock, LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import type { Result } from '../../src/api/contract'

export const ROOT = resolve(__dirname, '..', '..')
export const DIST_H5 = join(ROOT, 'dist-h5')
/**
 * A test run never changes tracked files: screenshots go to the ignored `.screenshots/`. The docs'
 * pictures (docs/screenshots) are refreshed on purpose with `npm run docs:screenshots`.
 */
export const SCREENSHOTS = process.env.YAYOU_SCREENSHOTS ? resolve(process.env.YAYOU_SCREENSHOTS) : join(ROOT, '.screenshots')
export const NOW = new Date('2026-11-22T02:00:00Z') // 10:00 in Shanghai

/** Demo personas (cloudfunctions/_local/demo-data.ts). */
export const PERSONA = {
  receptionist: 'demo-staff-receptionist',
  lifetime: 'demo-member-lifetime', // 李明, 100001, ¥42,360
  plain: 'demo-patient-plain', // 赵磊, 100007, ¥450, not a member
  friend: 'demo-friend', // 小美, a WeChat user who is not a patient
  director: 'demo-staff-director',
} as const

/** The storage key the app keeps the local persona under (src/services/persona.ts). */
const OPENID_KEY = 'yayou.openid'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** How long a single wait for an element or a text may take before the test fails. */
export const WAIT_MS = 20_000

/** What a page logged that might explain a failure (console errors, uncaught errors, failed requests). */
const pageLogs = new WeakMap<Page, string[]>()

export type Device = 'phone' | 'desk'

export interface Harness {
  cloud: LocalCloud
  baseUrl: string
  browser: Browser
  /** A new context (own storage) acting as `persona` (null = no persona: a guest), at `path` (e.g. 'pages/index/index'). */
  openAs(persona: string | null, path: string, device?: Device): Promise<Page>
  /** Calls a cloud function over HTTP as the app does (`POST /api/fn/<name>`, `x-yayou-openid`). */
  api<T = unknown>(name: string, event: Record<string, unknown>, openid: string | null): Promise<Result<T>>
  close(): Promise<void>
}

/** Fails with a clear message when the H5 build or the browser is missing (the test runner decides about skipping before jest). */
export function checkPrerequisites(): void {
  if (!existsSync(join(DIST_H5, 'index.html'))) {
    throw new Error(`The H5 app is not built: ${join(DIST_H5, 'index.html')} is missing. Run \`npm run build:h5\` (NODE_ENV=production npx taro build --type h5) first.`)
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH to a Chromium binary. Never download a browser build.`)
  }
}

export async function startHarness(): Promise<Harness> {
  checkPrerequisites()
  // Serve a copy of the build, so a `taro build` started meanwhile (it empties dist-h5/ first)
  // cannot pull the files from under a running test.
  const staticDir = mkdtempSync(join(tmpdir(), 'yayou-h5-'))
  try {
    cpSync(DIST_H5, staticDir, { recursive: true })
    if (!existsSync(join(staticDir, 'index.html'))) throw new Error('index.html missing from the copy')
  } catch (e) {
    rmSync(staticDir, { recursive: true, force: true })
    throw new Error(`dist-h5/ changed while it was copied (is a build running?): run \`npm run build:h5\` and try again. (${(e as Error).message})`)
  }
  const clock = new LocalClock()
  clock.pin(NOW)
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const server: Server = createLocalServer({ cloud, staticDir, local: true })
  await new Promise<void>((ok, bad) => {
    server.once('error', bad)
    server.listen(0, '127.0.0.1', () => ok())
  })
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  } catch (e) {
    await new Promise<void>((ok) => server.close(() => ok()))
    await cloud.close()
    rmSync(staticDir, { recursive: true, force: true })
    throw new Error(`Could not launch Chromium at ${CHROMIUM} (install it with \`apt-get install -y chromium\`): ${(e as Error).message}`)
  }
  const contexts: BrowserContext[] = []

  async function openAs(persona: string | null, path: string, device: Device = 'phone'): Promise<Page> {
    const context = await browser.newContext({
      // A phone in WeChat by default; 'desk': the reception computer (mouse, wide screen, a scanner gun).
      ...(device === 'phone' ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    contexts.push(context)
    context.setDefaultTimeout(WAIT_MS)
    // The persona lives in localStorage, as a person who picked it in the switcher would have it.
    await context.addInitScript(
      ([key, openid]) => {
        if (openid) window.localStorage.setItem(key, openid)
        else window.localStorage.removeItem(key)
      },
      [OPENID_KEY, persona] as const,
    )
    const page = await context.newPage()
    const log: string[] = []
    pageLogs.set(page, log)
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log.push(`console.${m.type()}: ${m.text()}`) })
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`))
    page.on('requestfailed', (r) => log.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`))
    await page.goto(urlFor(baseUrl, persona, path))
    return page
  }

  async function api<T>(name: string, event: Record<string, unknown>, openid: string | null): Promise<Result<T>> {
    const res = await fetch(`${baseUrl}/api/fn/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-yayou-openid': openid } : {}) },
      body: JSON.stringify(event),
    })
    return (await res.json()) as Result<T>
  }

  async function close(): Promise<void> {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser.close().catch(() => undefined)
    server.closeAllConnections?.()
    await new Promise<void>((ok) => server.close(() => ok()))
    await cloud.close()
    rmSync(staticDir, { recursive: true, force: true })
  }

  return { cloud, baseUrl, browser, openAs, api, close }
}

/** `http://host/#/<path>?as=<openid>` (hash router); a whole link as the app hands it out (a landing's light entry) is opened as it is. */
export function urlFor(baseUrl: string, persona: string | null, path: string): string {
  if (/^https?:\/\//.test(path)) return persona ? `${path}${path.includes('?') ? '&' : '?'}as=${encodeURIComponent(persona)}` : path
  const p = path.replace(/^[#/]+/, '')
  return `${baseUrl}/#/${p}${persona ? `${p.includes('?') ? '&' : '?'}as=${encodeURIComponent(persona)}` : ''}`
}

const css = (id: string) => `[id="${id}"]`

/**
 * The visible element with this id. Taro H5 keeps pages it navigated away from in the DOM (hidden),
 * so an id can occur more than once; the person sees the visible one.
 */
export const byId = (page: Page, id: string) => page.locator(css(id)).filter({ visible: true }).first()

/** Everything that may explain why a wait failed: where the page is, its error banner, its logs. */
export async function describePage(page: Page): Promise<string> {
  const url = page.url()
  const banner = await byId(page, 'error-banner').innerText({ timeout: 500 }).catch(() => null)
  const ids = await page
    .evaluate(() => Array.from(document.querySelectorAll('[id]')).map((e) => e.id).filter((id) => id && id !== 'app').join(', '))
    .catch(() => '?')
  const log = (pageLogs.get(page) ?? []).slice(-15)
  return [`  page: ${url}`, `  error-banner: ${banner ?? '(none)'}`, `  ids on page: ${ids || '(none)'}`, ...(log.length ? ['  page log:', ...log.map((l) => `    ${l}`)] : [])].join('\n')
}

export async function explain<T>(page: Page, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    const err = new Error(`${what}: ${(e as Error).message.split('\n')[0]}\n${await describePage(page)}`)
    throw err
  }
}

/** Waits for the element with this id to be visible. */
export async function waitForId(page: Page, id: string, timeout = WAIT_MS): Promise<void> {
  await explain(page, `#${id} did not become visible`, () => byId(page, id).waitFor({ state: 'visible', timeout }))
}

/** The visible text of the element with this id (whitespace collapsed), once it is visible. */
export async function textOf(page: Page, id: string): Promise<string> {
  await waitForId(page, id)
  const text = await byId(page, id).innerText()
  return text.replace(/\s+/g, ' ').trim()
}

/** Waits until the element with this id shows `expected` (substring or pattern); returns its text. */
export async function waitForText(page: Page, id: string, expected: string | RegExp, timeout = WAIT_MS): Promise<string> {
  const pattern = typeof expected === 'string' ? { source: expected, flags: '', literal: true } : { source: expected.source, flags: expected.flags, literal: false }
  await explain(page, `#${id} never showed ${String(expected)}`, () =>
    page.waitForFunction(
      ({ id, pattern }) => {
        const all = Array.from(document.querySelectorAll<HTMLElement>(`[id="${id}"]`))
        const el = all.find((e) => e.getClientRects().length > 0)
        if (!el) return false
        const text = (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ')
        return pattern.literal ? text.includes(pattern.source) : new RegExp(pattern.source, pattern.flags).test(text)
      },
      { id, pattern },
      { timeout, polling: 100 },
    ),
  )
  return textOf(page, id)
}

/**
 * Types into the field with this id: the element itself when it is an <input>/<textarea>, or the
 * real input inside a Taro custom element (`taro-input-core` wraps an <input>).
 */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await waitForId(page, id)
  const el = byId(page, id)
  const tag = await el.evaluate((e) => e.tagName.toLowerCase())
  const field = tag === 'input' || tag === 'textarea' ? el : el.locator('input, textarea').first()
  await explain(page, `could not type into #${id}`, async () => {
    await field.fill('')
    await field.pressSequentially(text, { delay: 5 })
    const value = await field.inputValue()
    if (value !== text) throw new Error(`#${id} holds ${JSON.stringify(value)}, expected ${JSON.stringify(text)}`)
  })
}

/** Clicks the element (a <button> on H5, or a Taro button) with this id. */
export async function tap(page: Page, id: string): Promise<void> {
  await explain(page, `could not click #${id}`, () => byId(page, id).click())
}

/**
 * Saves a PNG of the page as the person has it (mobile width 390 px at 2×) to
 * docs/screenshots/<name>.png, top to bottom. Taro H5 scrolls inside the page element
 * (`.taro_page`), not the document, so `fullPage` alone would stop at the first screen: the
 * viewport is stretched to the page's height for the shot and put back afterwards.
 */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  // Images (the QR code) decoded.
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete), undefined, { timeout: 5_000 }).catch(() => undefined)
  const viewport = page.viewportSize() ?? { width: 390, height: 844 }
  const height = await page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((e) => e.getClientRects().length > 0)
    return Math.max(document.documentElement.scrollHeight, ...pages.map((e) => e.scrollHeight))
  })
  const tall = Math.min(Math.max(height, viewport.height), 6_000)
  try {
    if (tall > viewport.height) {
      await page.setViewportSize({ width: viewport.width, height: tall })
      await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))))
    }
    await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' })
  } finally {
    if (tall > viewport.height) await page.setViewportSize(viewport)
  }
  return path
}

/** The visible text of the whole page body. */
export async function bodyText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ')
}

/**
 * All the text the page holds (hidden pages of the Taro stack included: stricter than what is
 * visible), leaving out the elements with the given ids, e.g. the local-mode persona switcher,
 * whose options name the demo personas by design.
 */
export async function pageTextWithout(page: Page, ids: string[]): Promise<string> {
  const text = await page.evaluate((ids) => {
    const copy = document.body.cloneNode(true) as HTMLElement
    copy.querySelectorAll('script, style, template').forEach((e) => e.remove())
    for (const id of ids) copy.querySelectorAll(`[id="${id}"]`).forEach((e) => e.remove())
    return copy.textContent ?? ''
  }, ids)
  return text.replace(/\s+/g, ' ')
}
