/**
 * The member's referral card on the compiled mini-program (dist/pages/referral/card/index): the
 * code, the rules for both sides before the share button (C1), and the share answer WeChat gets
 * when the member taps it: the card's own title, landing path and share image (R1), nothing
 * recorded (C1); the timeline share (the personal code only); the poster drawn on the Canvas 2D
 * on the member's tap and saved to the album, with a refused permission leading to the settings.
 */
import type { MyReferrals, PosterCodeImage, Result } from '../../src/api/contract'
import { loadMiniProgram, renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const MINE: MyReferrals = {
  card: {
    code: 'DKH87NJG',
    referrerDisplayName: '赵*',
    path: '/pages/referral/index?c=DKH87NJG',
    title: '赵* 推荐您来牙友口腔：首诊立减¥300',
    forFriend: [{ zh: '首次到诊立减¥300.00，另赠漱口水', en: '¥300.00 off your first visit, plus a gift' }],
    forReferrer: [{ zh: '仅奖励实际付款的就诊，分享、注册或点击本身没有奖励', en: 'Rewards follow paid visits only' }],
  },
  friends: [{ friendName: '小美', state: 'paid', rewardFen: 11_700, at: '2026-11-22T02:00:00Z' }],
  bonusBalanceFen: 11_700,
  payoutsDueFen: 10_000,
}

const CODE_IMAGE: PosterCodeImage = { kind: 'wxacode', mime: 'image/jpeg', base64: Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64') }

const cloud: CloudHandler = (name, event) => {
  if (name === 'referral' && event.action === 'mine') return ok(MINE)
  if (name === 'referral' && event.action === 'posterCode') return ok(CODE_IMAGE)
  if (name === 'identity' && event.action === 'profile') return ok({ displayName: '赵*', defaultDisplayName: '赵*', referralCode: 'DKH87NJG' })
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

test('referral card: code, both sides\' rules, friends, bonus; the share button sends the card\'s own path', async () => {
  page = await renderPage('pages/referral/card/index', cloud)
  const p = page
  await p.waitFor(() => p.byId('referral-code') !== null, 'the card')
  expect(p.textOf('referral-code')).toBe('DKH87NJG') // R1: the personal code, never the record number
  expect(p.textOf('referral-rules')).toContain('首次到诊立减¥300.00')
  expect(p.textOf('referral-rules')).toContain('分享、注册或点击本身没有奖励')
  expect(p.textOf('referral-friends')).toContain('小美')
  expect(p.textOf('referral-friends')).not.toContain('Visited and paid') // one language on screen (issue 12)
  expect(p.textOf('referral-bonus')).toBe('¥117.00')
  expect(p.textOf('referral-friends')).toContain('已到店付款')
  expect(p.byId('share-referral')).not.toBeNull()
  expect(p.byId('referral-link')).toBeNull() // the H5 link box is not on weapp
  // C1: the rules come before the share button.
  const text = p.text()
  expect(text.indexOf('分享、注册或点击本身没有奖励')).toBeLessThan(text.indexOf('发送给朋友'))

  const onShare = (p.component.instance as { onShareAppMessage?: (o: unknown) => { title: string; path: string } }).onShareAppMessage
  expect(typeof onShare).toBe('function')
  const answer = onShare!.call(p.component.instance, { from: 'button', target: { id: 'share-referral', dataset: {} } })
  // A picture of our own in the package, 5:4 (not a screenshot of the member's page).
  expect(answer).toEqual({ title: MINE.card.title, path: MINE.card.path, imageUrl: expect.stringMatching(/^\/?assets\/share\/referral\.png$/) })
  // The timeline reopens this page with the personal code only (1:1 image).
  const onTimeline = (p.component.instance as { onShareTimeline?: () => { title: string; query: string; imageUrl: string } }).onShareTimeline
  expect(typeof onTimeline).toBe('function')
  const timeline = onTimeline!.call(p.component.instance)
  expect(timeline).toEqual({ title: MINE.card.title, query: 'c=DKH87NJG', imageUrl: expect.stringMatching(/^\/?assets\/share\/referral-square\.png$/) })
  for (const shared of [JSON.stringify(answer), JSON.stringify(timeline)]) expect(shared).not.toMatch(/pat_|100007|openid/) // no internal ids
  // Nothing recorded for sharing (C1): the page only read the card and the display name.
  expect(p.calls.map((c) => `${c.name}.${String(c.data.action)}`).sort()).toEqual(['identity.profile', 'referral.mine'])
})

type Cb = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void }
type AnyFn = (...a: never[]) => unknown
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx
const answer = (o: Cb, r: Record<string, unknown>) => { o.success?.(r); o.complete?.(r) }

/** The Canvas 2D node and the file, export and album APIs, recorded. */
function fakeWeChatCanvas() {
  loadMiniProgram()
  const drawn: string[] = []
  const written: Array<{ filePath: string; encoding: string }> = []
  const exported: Array<Record<string, unknown>> = []
  const saved: string[] = []
  const modals: string[] = []
  const settings: number[] = []
  let saveRefused = false
  const ctx = {
    fillStyle: '', font: '16px sans-serif', textAlign: 'left', textBaseline: 'alphabetic',
    measureText: (s: string) => ({ width: s.length * Number(/(\d+)px/.exec(ctx.font)![1]) }),
    fillRect: () => {}, fillText: (s: string) => { drawn.push(s) }, drawImage: () => { drawn.push('[code image]') },
  }
  const canvas = {
    width: 300, height: 150, getContext: () => ctx,
    createImage: () => {
      const img: Record<string, unknown> = {}
      Object.defineProperty(img, 'src', { set: (v: string) => { img._src = v; setTimeout(() => (img.onload as () => void)(), 0) }, get: () => img._src })
      return img
    },
  }
  const query = { in: () => query, select: () => query, fields: () => query, exec: (cb: (r: unknown[]) => void) => { setTimeout(() => cb([{ node: canvas, width: 375, height: 1000 }]), 0) } }
  Object.assign(wx(), {
    createSelectorQuery: () => query,
    getFileSystemManager: () => ({ writeFile: (o: Cb & { filePath: string; encoding: string }) => { written.push({ filePath: o.filePath, encoding: o.encoding }); answer(o, { errMsg: 'writeFile:ok' }) } }),
    canvasToTempFilePath: (o: Cb & Record<string, unknown>) => { exported.push({ canvas: o.canvas === canvas, fileType: o.fileType, area: [o.x, o.y, o.width, o.height], dest: [o.destWidth, o.destHeight], pixels: [canvas.width, canvas.height] }); answer(o, { tempFilePath: 'wxfile://tmp/poster.png', errMsg: 'canvasToTempFilePath:ok' }) },
    saveImageToPhotosAlbum: (o: Cb & { filePath: string }) => {
      if (saveRefused) { const r = { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }; o.fail?.(r); o.complete?.(r); return }
      saved.push(o.filePath); answer(o, { errMsg: 'saveImageToPhotosAlbum:ok' })
    },
    showToast: (o: Cb) => answer(o, { errMsg: 'showToast:ok' }),
    showModal: (o: Cb & { content: string }) => { modals.push(o.content); answer(o, { confirm: true, cancel: false, errMsg: 'showModal:ok' }) },
    openSetting: (o: Cb) => { settings.push(1); answer(o, { authSetting: {}, errMsg: 'openSetting:ok' }) },
  } satisfies Record<string, AnyFn>)
  return { drawn, written, exported, saved, modals, settings, refuseSaving: () => { saveRefused = true } }
}

test('the poster: drawn only on the member\'s tap, with the display name, every rule line and the code; saved to the album', async () => {
  const fake = fakeWeChatCanvas()
  page = await renderPage('pages/referral/card/index', cloud)
  const p = page
  await p.waitFor(() => p.byId('poster-make') !== null, 'the poster button')
  // C1: the rules are on the page before the poster button, and nothing is drawn or asked yet.
  const text = p.text()
  expect(text.indexOf('首次到诊立减¥300.00')).toBeLessThan(text.indexOf('生成分享海报'))
  expect(p.calls.some((c) => c.data.action === 'posterCode')).toBe(false)
  expect(fake.drawn).toEqual([])

  await p.tap('poster-make')
  await p.waitFor(() => p.byId('poster-image') !== null, 'the finished poster')
  expect(p.calls.filter((c) => c.data.action === 'posterCode')).toEqual([{ name: 'referral', data: { action: 'posterCode' } }])
  const all = fake.drawn.join('')
  for (const s of ['牙友口腔', '赵*', MINE.card.forFriend[0].zh, 'DKH87NJG', '[code image]']) expect(all).toContain(s)
  expect(all).not.toMatch(/奖励|返现|分享得/) // C1: nothing promised for sharing
  expect(fake.written).toEqual([{ filePath: expect.stringMatching(/poster-code-DKH87NJG\.jpg$/), encoding: 'base64' }])
  // The whole canvas box, out at the poster's own pixel size (750 wide, as tall as its text needs).
  expect(fake.exported).toEqual([{ canvas: true, fileType: 'png', area: [0, 0, 375, 1000], dest: [750, expect.any(Number)], pixels: [750, expect.any(Number)] }])
  const [dest, pixels] = [fake.exported[0].dest as number[], fake.exported[0].pixels as number[]]
  expect(dest[1]).toBe(pixels[1])
  expect(dest[1]).toBeGreaterThan(750)

  await p.tap('poster-save')
  await p.waitFor(() => fake.saved.length > 0, 'the album save')
  expect(fake.saved).toEqual(['wxfile://tmp/poster.png'])

  // Refused before: WeChat will not ask again, so the page offers the settings page.
  fake.refuseSaving()
  await p.tap('poster-save')
  await p.waitFor(() => fake.settings.length > 0, 'the settings page')
  expect(fake.modals).toEqual([expect.stringContaining('相册')])
  expect(p.byId('error-banner')).toBeNull()

  // The code image is kept for the session: a second poster asks the cloud nothing new.
  p.close()
  page = await renderPage('pages/referral/card/index', cloud)
  const again = page
  await again.waitFor(() => again.byId('poster-make') !== null, 'the poster button')
  await again.tap('poster-make')
  await again.waitFor(() => again.byId('poster-image') !== null, 'the second poster')
  expect(again.calls.filter((c) => c.data.action === 'posterCode')).toEqual([])
})

test('a friend from the member\'s timeline share (c=<code>) is sent to the landing; the member\'s card is never asked for', async () => {
  loadMiniProgram()
  const redirects: string[] = []
  Object.assign(wx(), {
    redirectTo: (o: Cb & { url: string }) => { redirects.push(o.url); answer(o, { errMsg: 'redirectTo:ok' }) },
    getEnterOptionsSync: () => ({ scene: 1001, query: { c: 'DKH87NJG' }, path: 'pages/referral/card/index' }),
  })
  page = await renderPage('pages/referral/card/index', cloud, { c: 'DKH87NJG' })
  const p = page
  await p.waitFor(() => redirects.length > 0, 'the move to the landing')
  expect(redirects).toEqual(['/pages/referral/index?c=DKH87NJG'])
  expect(p.calls).toEqual([])
  expect(p.byId('referral-code')).toBeNull()
})

test('in the timeline\'s single-page mode (scene 1154) the friend is told how to continue; no cloud call, no page change', async () => {
  loadMiniProgram()
  const redirects: string[] = []
  Object.assign(wx(), {
    redirectTo: (o: Cb & { url: string }) => { redirects.push(o.url); answer(o, { errMsg: 'redirectTo:ok' }) },
    getEnterOptionsSync: () => ({ scene: 1154, query: { c: 'DKH87NJG' }, path: 'pages/referral/card/index' }),
  })
  page = await renderPage('pages/referral/card/index', cloud, { c: 'DKH87NJG' })
  const p = page
  await p.waitFor(() => p.byId('timeline-visitor') !== null, 'the visitor notice')
  expect(p.textOf('timeline-visitor')).toContain('前往小程序')
  await new Promise((r) => setTimeout(r, 50))
  expect(redirects).toEqual([])
  expect(p.calls).toEqual([])
})
