/**
 * "My cards" on the compiled mini-program (dist/pages/cards/index): a member with a newly issued
 * card (F1) sees it with the full rules before the share button (C1); tapping "send to a friend"
 * (Button openType="share") makes WeChat ask the page what to share, and the page answers with
 * `friendcard.share`'s honest title and claim path (F3). Canned `Result`s answer the cloud.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { CardShare, MyCards, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const CARDS = 'pages/cards/index'
const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const MINE: MyCards = {
  given: [{ cardId: 'fc_new', state: 'issued', faceValueFen: 60_000, balanceFen: 60_000, issuedAt: '2026-11-21T02:00:00.000Z', expiresAt: '2027-02-21T15:59:59.999Z', registered: false }],
  received: [],
  rules: {
    faceValueFen: 60_000,
    validMonths: 3,
    excludedCategories: ['special_price', 'oral_care_product', 'membership_fee'],
    lines: [
      { zh: '面值¥600.00，可用于任何人的任何治疗项目', en: 'Worth ¥600.00, for any treatment, for anyone' },
      { zh: '赠卡是诊所的礼物，不出售', en: 'The card is a gift from the clinic and is never sold' },
    ],
  },
}
const SHARE: CardShare = { cardId: 'fc_new', token: 'tok_1234567890', path: '/pages/card/claim/index?t=tok_1234567890', title: '周婷送您一张¥600.00亲友储值卡，可在牙友口腔用于治疗' }

const memberCloud: CloudHandler = (name, event) => {
  if (name === 'friendcard' && event.action === 'mine') return ok(MINE)
  if (name === 'friendcard' && event.action === 'share' && event.cardId === 'fc_new') return ok(SHARE)
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
}

type ShareAnswer = { title?: string; path?: string; imageUrl?: string; promise?: Promise<{ title?: string; path?: string; imageUrl?: string }> }
/** Issue 12, item 5: the chat card's picture is ours, in the package (5:4), on every answer. */
const IMAGE = expect.stringMatching(/^\/?assets\/share\/friendcard\.png$/)

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('my cards on the compiled mini-program (F1, F3, C1)', () => {
  test('the issued card with its rules, then a share button; sharing answers with friendcard.share', async () => {
    page = await renderPage(CARDS, memberCloud)
    const p = page
    await p.waitFor(() => p.byId('given-fc_new') !== null, 'the given card')

    expect(p.textOf('given-fc_new')).toContain('¥600.00')
    expect(p.textOf('given-state-fc_new')).toBe('待赠送')
    const rules = p.textOf('rules-fc_new') ?? ''
    for (const l of MINE.rules.lines) expect(rules).toContain(l.zh)
    expect(p.byId('share-btn-fc_new')).not.toBeNull()
    // C1: the rules come before the share button on the page.
    const text = p.text()
    expect(text.indexOf(MINE.rules.lines[0].zh)).toBeLessThan(text.indexOf('发送给朋友'))
    for (const l of MINE.rules.lines) expect(text).not.toContain(l.en) // one language on screen (issue 12)
    for (const en of ['Send to a friend', 'Not sent yet', 'Sharing earns you nothing']) expect(text).not.toContain(en)
    // The H5-only link box is not on the mini-program: WeChat's own share sheet is.
    expect(p.byId('share-link')).toBeNull()
    expect(p.calls.map((c) => c.data.action)).toEqual(['mine'])

    // WeChat calls the page's share handler with the tapped button as the target.
    const onShare = (p.component.instance as { onShareAppMessage?: (o: unknown) => ShareAnswer }).onShareAppMessage
    expect(typeof onShare).toBe('function')
    const answer = onShare!.call(p.component.instance, { from: 'button', target: { id: 'share-btn-fc_new', dataset: {} } })
    expect(answer.path).toBe('/pages/index/index') // what WeChat sends if the answer is late: never a made-up link
    expect(answer.imageUrl).toEqual(IMAGE)
    await expect(answer.promise).resolves.toEqual({ title: SHARE.title, path: SHARE.path, imageUrl: IMAGE })
    // The link carries the share token only, never the card's or the member's internal id.
    expect(JSON.stringify(await answer.promise)).not.toMatch(/fc_new|pat_|openid/)
    expect(p.calls.filter((c) => c.data.action === 'share')).toEqual([{ name: 'friendcard', data: { action: 'share', cardId: 'fc_new' } }])
  })

  test('the top-right menu share sends the home page, not a card', async () => {
    page = await renderPage(CARDS, memberCloud)
    const p = page
    await p.waitFor(() => p.byId('given-fc_new') !== null, 'the given card')
    const onShare = (p.component.instance as { onShareAppMessage?: (o: unknown) => ShareAnswer }).onShareAppMessage
    const answer = onShare!.call(p.component.instance, { from: 'menu' })
    expect(answer).toMatchObject({ path: '/pages/index/index', imageUrl: IMAGE })
    expect(answer.promise).toBeUndefined()
    expect(p.calls.filter((c) => c.data.action === 'share')).toEqual([])
  })

  test('a member with no cards sees no hint of a card to come (F1)', async () => {
    page = await renderPage(CARDS, (name, event) => (name === 'friendcard' && event.action === 'mine' ? ok({ ...MINE, given: [] }) : memberCloud(name, event)))
    const p = page
    await p.waitFor(() => p.byId('received-empty') !== null, 'the empty state')
    expect(p.byId('given-cards')).toBeNull()
    expect(p.text()).not.toContain('赠出')
  })
})
