/**
 * The friend card code page on the compiled mini-program (dist/pages/card/code/index): the card
 * from the page query, its single-use code as QR, grouped digits and barcode (never the token), the
 * balance (S1, F4); a card that can
 * no longer pay says why and is not asked again and again.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { CardCode, MyCards, Result } from '../../src/api/contract'
import { shortCodeFrom } from '../../src/domain/codes/short-code'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const CODE_PAGE = 'pages/card/code/index'
const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const mine = (balanceFen: number): MyCards => ({
  given: [],
  received: [{ cardId: 'fc_1', state: balanceFen === 0 ? 'used_up' : 'partly_used', giverDisplayName: '周婷', faceValueFen: 60_000, balanceFen, expiresAt: null }],
  rules: { faceValueFen: 60_000, validMonths: 3, excludedCategories: [], lines: [] },
})
const CODE: CardCode = { token: 'YY1.F.fc_1.1795312860.sig', shortCode: shortCodeFrom('24680135792468013'), expiresAt: '2026-11-22T02:01:00.000Z', ttlSeconds: 60 }

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('friend card code on the compiled mini-program (S1, F4)', () => {
  test('the code of the card named in the query, as QR, grouped digits and barcode, with the balance', async () => {
    const cloud: CloudHandler = (name, event) => {
      if (name === 'friendcard' && event.action === 'code') return ok(CODE)
      if (name === 'friendcard' && event.action === 'mine') return ok(mine(15_000))
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: 'unexpected' } } }
    }
    page = await renderPage(CODE_PAGE, cloud, { cardId: 'fc_1' })
    const p = page
    await p.waitFor(() => p.textOf('card-code-digits') === CODE.shortCode.replace(/^(\d{4})(\d{4})(\d{4})(\d{4})(\d{2})$/, '$1 $2 $3 $4 $5') && p.byId('card-code-balance') !== null, 'the code and the balance')
    expect(p.byId('card-code-barcode')?.querySelectorAll('.barcode__bar').length).toBe(11 * 3 + 4) // Code 128 of 18 digits
    expect(p.text()).not.toContain('YY1') // the signed token is for the QR only
    expect(p.text()).not.toContain('fc_1') // no internal ids on screen
    expect(p.byId('card-code-qr')).not.toBeNull() // the QR image (data-* attributes stay in Taro's DOM on weapp)
    expect(p.textOf('card-code-balance')).toBe('¥150.00')
    expect(p.textOf('card-code-countdown')).toMatch(/\d+ 秒后自动刷新/)
    expect(p.text()).toContain('已登记，长期有效')
    for (const en of ['Registered', 'Partly used', 'refreshes', 'Balance']) expect(p.text()).not.toContain(en) // issue 12
    expect(p.calls.filter((c) => c.data.action === 'code')).toEqual([{ name: 'friendcard', data: { action: 'code', cardId: 'fc_1' } }])
  })

  test('a used-up card: the banner says so, no code, and the page does not keep asking', async () => {
    const cloud: CloudHandler = (name, event) => {
      if (name === 'friendcard' && event.action === 'code') return { ok: false, error: { code: 'CARD_USED_UP', message: { zh: '亲友卡余额已用完', en: 'This friend card is used up' } } }
      if (name === 'friendcard' && event.action === 'mine') return ok(mine(0))
      return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: 'unexpected' } } }
    }
    page = await renderPage(CODE_PAGE, cloud, { cardId: 'fc_1' })
    const p = page
    await p.waitFor(() => p.byId('error-banner') !== null && p.byId('card-code-state') !== null, 'the error banner and the card state')
    expect(p.textOf('error-banner')).toContain('亲友卡余额已用完')
    expect(p.textOf('card-code-state')).toContain('已用完')
    expect(p.textOf('card-code-state')).not.toContain('Used up')
    expect(p.textOf('error-banner')).not.toContain('CARD_USED_UP') // no error codes on screen
    expect(p.textOf('card-code-balance')).toBe('¥0.00')
    expect(p.byId('card-code-digits')).toBeNull()
    expect(p.byId('card-code-barcode')).toBeNull()
    await new Promise((r) => setTimeout(r, 6_500)) // longer than the retry delay for network errors
    expect(p.calls.filter((c) => c.data.action === 'code')).toHaveLength(1)
  })
})
