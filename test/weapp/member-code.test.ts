/**
 * The member's code page on the compiled mini-program (dist/pages/member/code/index): a short-lived
 * signed code as QR, its 18-digit short code in groups and as a barcode, counting down (S1: a
 * screenshot stops working); the screen is at full brightness while the page is open.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { MemberCode, Result } from '../../src/api/contract'
import { shortCodeFrom } from '../../src/domain/codes/short-code'
import { loadMiniProgram, renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const ok = <T>(data: T): Result<T> => ({ ok: true, data })
const CODE: MemberCode = { token: 'YY1.M.pat_lifetime.1795312860.sig', shortCode: shortCodeFrom('13579246801357924'), expiresAt: '2026-11-22T02:01:00.000Z', ttlSeconds: 60 }
const GROUPED = `${CODE.shortCode.slice(0, 4)} ${CODE.shortCode.slice(4, 8)} ${CODE.shortCode.slice(8, 12)} ${CODE.shortCode.slice(12, 16)} ${CODE.shortCode.slice(16)}`

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

/** WeChat's brightness calls, recorded: the phone starts at 0.4. */
function watchBrightness(): Array<{ api: string; value: unknown }> {
  loadMiniProgram()
  const wx = (globalThis as unknown as { wx: Record<string, (o: { value?: number; keepScreenOn?: boolean; success?: (r: unknown) => void; complete?: () => void }) => void> }).wx
  const seen: Array<{ api: string; value: unknown }> = []
  wx.getScreenBrightness = (o) => { o.success?.({ value: 0.4, errMsg: 'getScreenBrightness:ok' }); o.complete?.() }
  for (const api of ['setScreenBrightness', 'setKeepScreenOn'] as const) {
    wx[api] = (o) => { seen.push({ api, value: o.value ?? o.keepScreenOn }); o.success?.({ errMsg: `${api}:ok` }); o.complete?.() }
  }
  return seen
}

test('the member code shows as a QR, grouped digits and a barcode, never the token, with its countdown', async () => {
  const brightness = watchBrightness()
  const cloud: CloudHandler = (name, event) => {
    if (name === 'member' && event.action === 'code') return ok(CODE)
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: 'unexpected' } } }
  }
  page = await renderPage('pages/member/code/index', cloud, {})
  const p = page
  await p.waitFor(() => p.textOf('member-code-digits') === GROUPED, 'the grouped short code')
  expect(GROUPED).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{2}$/)
  expect(p.byId('member-code-qr')).not.toBeNull()
  // Code 128 of 18 digits: start, nine pairs, checksum (three bars each) and the stop (four bars).
  expect(p.byId('member-code-barcode')?.querySelectorAll('.barcode__bar').length).toBe(11 * 3 + 4)
  expect(p.textOf('code-countdown')).toMatch(/\d+ 秒后自动刷新/)
  expect(p.text()).not.toContain('YY1') // the signed token is for the QR only
  expect(p.text()).not.toContain('pat_') // no internal ids on screen
  expect(p.text()).not.toContain('Refresh') // one language on screen (issue 12)
  expect(p.calls).toEqual([{ name: 'member', data: { action: 'code' } }])

  await p.waitFor(() => brightness.some((b) => b.api === 'setScreenBrightness'), 'the screen brightened')
  expect(brightness).toEqual([{ api: 'setScreenBrightness', value: 1 }, { api: 'setKeepScreenOn', value: true }])
  p.close() // leaving the page gives the person's brightness back
  page = undefined
  await new Promise((r) => setTimeout(r, 50))
  expect(brightness.slice(2)).toEqual([{ api: 'setScreenBrightness', value: 0.4 }, { api: 'setKeepScreenOn', value: false }])
})
