/**
 * The reception slice in a real browser (Chromium on the H5 build), as people do it:
 * a member shows the member code, the receptionist scans it, builds a bill, previews and confirms;
 * the member sees the new spend. Rules: S1 (scan), S2 (bill), M2 (12% off, special price excluded),
 * S3 (a double tap or a retry never charges twice), M6 (spend), C2 (a friend sees no member data).
 *
 * Run: `npm run build:h5` first, then `npx jest --selectProjects browser`.
 */
import type { Page, Request } from 'playwright-core'
import type { ConfirmedBill, MemberHome } from '../../src/api/contract'
import { bodyText, byId, pageTextWithout, PERSONA, shot, startHarness, tap, textOf, waitForId, waitForText, type Harness } from './harness'
import { acceptModal } from './gestures'
import { addItem, scan, stockPriceList } from './desk'
import { apiDataOf } from './api'

jest.setTimeout(120_000)

const HOME = 'pages/index/index'
const RECEPTION = 'staff/reception/index'

const LIFETIME_SPEND_FEN = 4_236_000 // 李明 before today (demo data)
const PLAIN_SPEND_FEN = 45_000 // 赵磊 before today

let h: Harness
// Issue 13: the desk bills from the price list; the items this file picks are in it before the desk opens.
beforeAll(async () => { h = await startHarness(); await stockPriceList(h, [['拔牙 extraction', 'treatment', '450'], ['特价洁牙 cleaning special', 'special_price', '99'], ['补牙 filling', 'treatment', '300']]) }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

const apiData = apiDataOf(() => h)

/** confirmBill requests the page sends, with the bodies, to see what a double tap really sent. */
function watchConfirms(page: Page): Array<{ requestId: string; body: Record<string, unknown> }> {
  const seen: Array<{ requestId: string; body: Record<string, unknown> }> = []
  page.on('request', (r: Request) => {
    if (!r.url().endsWith('/api/fn/reception') || r.method() !== 'POST') return
    const body = r.postDataJSON() as Record<string, unknown> | null
    if (body?.action === 'confirmBill') seen.push({ requestId: String(body.requestId), body })
  })
  return seen
}

describe('a member pays at reception (S1, S2, M2, S3, M6)', () => {
  let member: Page
  let desk: Page
  let token: string

  test('the member opens home: lifetime tier, spend, progress; then "my member code"', async () => {
    member = await h.openAs(PERSONA.lifetime, HOME)
    await waitForText(member, 'whoami-name', '李明')
    expect(await textOf(member, 'member-tier')).toContain('终身')
    expect(await textOf(member, 'member-spend')).toBe('¥42,360.00')
    // M1: a lifetime member has nothing left to reach, so no progress bar (issue 12).
    expect(await byId(member, 'member-progress').count()).toBe(0)
    expect(await textOf(member, 'member-bonus')).toBe('¥300.00') // demo data: three referral rewards of ¥100 (R3, R5)
    expect(await textOf(member, 'ledger-list')).toContain('¥42,360.00')
    await shot(member, '01-member-home')

    await tap(member, 'goto-code')
    await waitForText(member, 'member-code-digits', /^\d{4} \d{4} \d{4} \d{4} \d{2}$/)
    // The QR carries the signed token, as an image (S1: what reception scans); it is never shown as text.
    const qr = byId(member, 'member-code-qr')
    token = (await qr.getAttribute('data-text')) ?? ''
    expect(token).toMatch(/^YY1\.\S+$/)
    await expect(qr.locator('img').count()).resolves.toBeGreaterThan(0)
    await waitForText(member, 'code-countdown', /\d+/)
    await shot(member, '02-member-code')
  })

  test('the receptionist types the code and sees 李明, lifetime member', async () => {
    desk = await h.openAs(PERSONA.receptionist, RECEPTION)
    // On a phone the scan box does not grab the focus (that would pop the keyboard up at every tap).
    await desk.locator('.card__title').first().click()
    await desk.waitForTimeout(300)
    expect(await desk.evaluate(() => document.activeElement?.closest('[id="scan-input"]') != null)).toBe(false)
    await scan(desk, token)
    await waitForText(desk, 'scanned-name', '李明')
    expect(await textOf(desk, 'scanned-tier')).toContain('终身')
    // C2: reception sees the phone masked.
    expect(await bodyText(desk)).toContain('139****5678')
    expect(await bodyText(desk)).not.toContain('13912345678')
    // Issue 12: one language on the desk; the role in words, never its key.
    const page = await pageTextWithout(desk, ['persona-select'])
    expect(page).toContain('前台')
    expect(page).not.toContain('receptionist')
    for (const english of ['Scan a member code', 'Record No.', 'Find a patient']) expect(page).not.toContain(english)
    await shot(desk, '03-reception-scanned')
  })

  test('a bill of an extraction and a special-price cleaning: 12% off the extraction only (M2)', async () => {
    await addItem(desk, '拔牙 extraction', 'treatment', '450')
    await addItem(desk, '特价洁牙 cleaning special', 'special_price', '99')
    await tap(desk, 'preview-btn')
    await waitForText(desk, 'total-due', '¥495.00')
    expect(await textOf(desk, 'total-subtotal')).toBe('¥549.00')
    expect(await textOf(desk, 'total-discount')).toContain('¥54.00') // 12% × ¥450; the ¥99 special is not discounted
    expect(await textOf(desk, 'total-due')).toBe('¥495.00')
    await shot(desk, '04-bill-preview')
  })

  test('a double tap on confirm charges once; a re-submitted request is a replay (S3)', async () => {
    const confirms = watchConfirms(desk)
    await waitForId(desk, 'confirm-btn')
    await byId(desk, 'confirm-btn').dblclick() // two taps, as fast as the input system sends them
    // Issue 12: one question, naming the patient and the amount; the second tap asked nothing more.
    expect(await acceptModal(desk)).toContain('确认 李明 本次应付 ¥495.00 已用微信支付收款？')
    await waitForText(desk, 'receipt-paid', '¥495.00')
    expect(await textOf(desk, 'receipt')).toContain('¥495.00')
    expect(await textOf(desk, 'receipt')).not.toMatch(/bill_|Paid/) // no internal bill id, no English
    expect(await byId(desk, 'receipt-replayed').count()).toBe(0) // the first confirmation is not a replay
    await shot(desk, '05-receipt')

    // However many requests the double tap sent, they all carried one requestId.
    expect(confirms.length).toBeGreaterThanOrEqual(1)
    expect(new Set(confirms.map((c) => c.requestId)).size).toBe(1)
    // A network retry re-sends the same request: the server answers with the first result, charging nothing.
    const replay = await apiData<ConfirmedBill>('reception', confirms[0].body, PERSONA.receptionist)
    expect(replay).toMatchObject({ replayed: true, paidFen: 49_500, cumulativeSpendAfterFen: LIFETIME_SPEND_FEN + 49_500 })

    // Exactly one payment of ¥495 (49,500 fen) was recorded and spend grew by exactly ¥495.
    const home = await apiData<MemberHome>('member', { action: 'home' }, PERSONA.lifetime)
    expect(home.cumulativeSpendFen).toBe(LIFETIME_SPEND_FEN + 49_500)
    expect(home.ledger.filter((l) => l.kind === 'bill_payment').map((l) => l.amountFen)).toEqual([49_500, LIFETIME_SPEND_FEN])
    expect(await h.cloud.store.count('bills', { patientId: 'pat_lifetime' })).toBe(1)
    const ledger = await h.cloud.store.query<{ _id: string; kind: string; amountFen: number }>('ledger', { where: { patientId: 'pat_lifetime' }, limit: 100 })
    expect(ledger.filter((e) => e.kind === 'bill_payment' && e.amountFen === 49_500)).toHaveLength(1)
  })

  test('the member reloads home: spend ¥42,855.00 and the new payment in the history (M6)', async () => {
    await member.goto(member.url().replace(/#.*$/, '#/pages/index/index')) // 会员码 is a tab: switchTab replaced home in the history
    await member.reload()
    await waitForText(member, 'member-spend', '¥42,855.00')
    expect(await textOf(member, 'member-spend')).toBe('¥42,855.00')
    const ledger = await textOf(member, 'ledger-list')
    expect(ledger).toContain('+¥495.00')
    expect(ledger.indexOf('+¥495.00')).toBeLessThan(ledger.indexOf('+¥42,360.00')) // newest first
    expect(ledger.match(/\+¥495\.00/g)).toHaveLength(1)
    await shot(member, '06-member-after')
  })

  test('Q1: the new payment offers "rate this visit", which opens the rating page for that bill', async () => {
    const home = await apiData<MemberHome>('member', { action: 'home' }, PERSONA.lifetime)
    const billId = home.ledger.find((e) => e.kind === 'bill_payment' && e.amountFen === 49_500)?.billId
    expect(billId).toBeTruthy()
    await tap(member, `rate-${billId}`)
    await waitForId(member, 'score-10')
    expect(member.url()).toContain(`billId=${encodeURIComponent(billId!)}`)
  })
})

describe('other people at the desk', () => {
  test('a friend (WeChat user, not a patient) opens home and sees no member data (C2)', async () => {
    const friend = await h.openAs(PERSONA.friend, HOME)
    await waitForId(friend, 'guest-welcome')
    for (const id of ['member-tier', 'member-spend', 'member-progress', 'member-bonus', 'ledger-list', 'goto-code']) {
      expect(await byId(friend, id).count()).toBe(0)
    }
    await waitForText(friend, 'whoami-name', '访客')
    // Nothing about any patient anywhere in the page (the local-mode persona switcher, a dev tool
    // that lists the demo personas by name, aside).
    const text = await pageTextWithout(friend, ['persona-select'])
    for (const secret of ['李明', '100001', '42,360', '病历号', '139', '消费 ', '账户明细']) expect(text).not.toContain(secret)
    expect(await h.api('member', { action: 'home' }, PERSONA.friend)).toMatchObject({ ok: false })
    await shot(friend, '07-friend-home')
  })

  test('a plain patient (not a member) gets no discount on the same extraction', async () => {
    const desk = await h.openAs(PERSONA.receptionist, RECEPTION)
    await scan(desk, '100007') // staff may type the record number
    await waitForText(desk, 'scanned-name', '赵磊')
    expect(await textOf(desk, 'scanned-tier')).not.toContain('终身')
    await addItem(desk, '拔牙 extraction', 'treatment', '450')
    await tap(desk, 'preview-btn')
    await waitForText(desk, 'total-due', '¥450.00')
    expect(await textOf(desk, 'total-discount')).toBe('¥0.00')
    await shot(desk, '08-plain-patient-preview')
  })

  test('confirm whose answer is lost on the way, tapped again: a replay, not a second charge (S3)', async () => {
    const desk = await h.openAs(PERSONA.receptionist, RECEPTION)
    await scan(desk, '100007')
    await waitForText(desk, 'scanned-name', '赵磊')
    await addItem(desk, '补牙 filling', 'treatment', '300')
    await tap(desk, 'preview-btn')
    await waitForText(desk, 'total-due', '¥300.00')

    // The first confirmation reaches the server (and is charged), but its answer never arrives.
    let dropped = 0
    await desk.route('**/api/fn/reception', async (route) => {
      const body = route.request().postDataJSON() as { action?: string } | null
      if (body?.action === 'confirmBill' && dropped === 0) {
        dropped++
        await route.fetch() // the server does the work…
        await route.abort('connectionreset') // …and the phone never hears back
        return
      }
      await route.continue()
    })
    const confirms = watchConfirms(desk)
    await tap(desk, 'confirm-btn')
    await acceptModal(desk)
    await waitForId(desk, 'error-banner') // a network error, shown, not swallowed
    expect(dropped).toBe(1)
    await tap(desk, 'confirm-btn') // the receptionist taps again
    await acceptModal(desk)
    await waitForText(desk, 'receipt-paid', '¥300.00')
    await waitForId(desk, 'receipt-replayed')
    await shot(desk, '10-receipt-replayed')

    expect(confirms).toHaveLength(2)
    expect(confirms[1].requestId).toBe(confirms[0].requestId)
    const p = await h.cloud.store.get<{ _id: string; cumulativeSpendFen: number }>('patients', 'pat_plain')
    expect(p!.cumulativeSpendFen).toBe(PLAIN_SPEND_FEN + 30_000)
    const ledger = await h.cloud.store.query<{ _id: string; kind: string; amountFen: number }>('ledger', { where: { patientId: 'pat_plain' }, limit: 100 })
    expect(ledger.filter((e) => e.kind === 'bill_payment').map((e) => e.amountFen).sort((a, b) => a - b)).toEqual([30_000, PLAIN_SPEND_FEN])
  })

  test('an invalid code: the error banner says why and what to do, in Chinese only, without the code', async () => {
    const desk = await h.openAs(PERSONA.receptionist, RECEPTION)
    await scan(desk, 'YY1.this-is-not-a-real-member-code')
    const banner = await waitForText(desk, 'error-banner', '二维码无效')
    expect(banner).toContain('二维码无效，请让对方刷新后重试')
    // Issue 12: one language on screen, and no error code in front of people.
    expect(banner).not.toContain('This code is not valid')
    expect(banner).not.toContain('CODE_INVALID')
    expect(await byId(desk, 'error-banner').getAttribute('data-code')).toBe('CODE_INVALID')
    expect(await byId(desk, 'scanned-name').count()).toBe(0)
    await shot(desk, '09-error-invalid-code')
  })
})
