/**
 * The member's code page on the compiled mini-program (dist/pages/member/code/index): a short-lived
 * signed code as QR and text, counting down (S1: a screenshot stops working).
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { MemberCode, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const ok = <T>(data: T): Result<T> => ({ ok: true, data })
const CODE: MemberCode = { token: 'YY1.M.pat_lifetime.1795312860.sig', expiresAt: '2026-11-22T02:01:00.000Z', ttlSeconds: 60 }

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

test('the member code shows as a QR and as text, with its countdown', async () => {
  const cloud: CloudHandler = (name, event) => {
    if (name === 'member' && event.action === 'code') return ok(CODE)
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: 'unexpected' } } }
  }
  page = await renderPage('pages/member/code/index', cloud, {})
  const p = page
  await p.waitFor(() => p.textOf('member-code-text') === CODE.token, 'the member code')
  expect(p.byId('member-code-qr')).not.toBeNull()
  expect(p.textOf('code-countdown')).toMatch(/\d+ 秒后自动刷新/)
  expect(p.text()).not.toContain('Refresh') // one language on screen (issue 12)
  expect(p.calls).toEqual([{ name: 'member', data: { action: 'code' } }])
})
