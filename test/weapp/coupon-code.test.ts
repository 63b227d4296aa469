/**
 * The first-visit coupon code page on the compiled mini-program (dist/pages/coupon/code/index):
 * the coupon's short-lived code as QR, grouped digits and barcode, never the token (S1, R2).
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { CardCode, Result } from '../../src/api/contract'
import { groupShortCode, shortCodeFrom } from '../../src/domain/codes/short-code'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const ok = <T>(data: T): Result<T> => ({ ok: true, data })
const CODE: CardCode = { token: 'YY1.C.cp_1.1795312860.sig', shortCode: shortCodeFrom('97531086429753108'), expiresAt: '2026-11-22T02:01:00.000Z', ttlSeconds: 60 }

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

test('the coupon code of the coupon in the query: grouped digits and a barcode under the QR, no token, no ids', async () => {
  const cloud: CloudHandler = (name, event) => {
    if (name === 'referral' && event.action === 'couponCode') return ok(CODE)
    if (name === 'referral' && event.action === 'coupons') return ok([])
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: 'unexpected' } } }
  }
  page = await renderPage('pages/coupon/code/index', cloud, { couponId: 'cp_1' })
  const p = page
  await p.waitFor(() => p.textOf('coupon-code-digits') === groupShortCode(CODE.shortCode), 'the grouped short code')
  expect(p.byId('coupon-code-qr')).not.toBeNull()
  expect(p.byId('coupon-code-barcode')?.querySelectorAll('.barcode__bar').length).toBe(11 * 3 + 4)
  expect(p.text()).not.toContain('YY1')
  expect(p.text()).not.toContain('cp_1')
  expect(p.calls.filter((c) => c.data.action === 'couponCode')).toEqual([{ name: 'referral', data: { action: 'couponCode', couponId: 'cp_1' } }])
})
