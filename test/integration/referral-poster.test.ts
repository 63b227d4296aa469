/**
 * R1, C1 (issue 12, item 5): the code image on the member's referral poster, `referral.posterCode`.
 * Locally a QR PNG of the H5 landing link (decoded here and compared, module by module, with the
 * app's QR encoder for that link); on CloudBase WeChat's mini-program code for the scene
 * `c=<personal referral code>` — the SDK stood in for here, the real SDK is tested beside the
 * adapter (cloudfunctions/_core/adapters/poster.test.ts). Refusals are typed and write nothing.
 */
import { inflateSync } from 'node:zlib'
import type { PosterCodeImage, ReferralOffer } from '../../src/api/contract'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { demoReferralCode } from '../../cloudfunctions/_local/demo-data'
import { wechatPoster, type WxServerSdk } from '../../cloudfunctions/_core/adapters/poster'
import { QUIET_MODULES, qrMatrix } from '../../cloudfunctions/_core/adapters/qr/qr-png'
import { code, data, openCloud } from './helpers'
import { everything } from './snapshot-all'

const MEMBER = 'demo-patient-plain' // 赵磊
const FRIEND = 'demo-friend' // not a patient
const PLAIN = demoReferralCode('pat_plain')
const ORIGIN = 'http://127.0.0.1:10086'

let cloud: LocalCloud
beforeEach(async () => { cloud = await openCloud() })
afterEach(() => cloud.close())

const posterCode = (event: object, openid = MEMBER) => cloud.call('referral', { action: 'posterCode', ...event }, openid)

/** The dark/light modules of a grey-scale PNG QR as qr-png.ts writes it (unfiltered rows). */
function modulesOf(png: Buffer): boolean[][] {
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  let at = 8
  let width = 0
  const idat: Buffer[] = []
  while (at < png.length) {
    const len = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('latin1')
    const body = png.subarray(at + 8, at + 8 + len)
    if (type === 'IHDR') { width = body.readUInt32BE(0); expect([body[8], body[9]]).toEqual([8, 0]) }
    if (type === 'IDAT') idat.push(body)
    at += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const px = (x: number, y: number) => { expect(raw[y * (width + 1)]).toBe(0); return raw[y * (width + 1) + 1 + x] }
  // Module size from the finder pattern: the first dark row starts after the quiet zone.
  let first = 0
  while (px(first, first) !== 0) first++
  const scale = first / QUIET_MODULES
  const n = width / scale - 2 * QUIET_MODULES
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => px((c + QUIET_MODULES + 0.5) * scale | 0, (r + QUIET_MODULES + 0.5) * scale | 0) === 0))
}

test('locally: a QR of the H5 landing link with the member\'s personal code, which opens their offer', async () => {
  const img = data(await posterCode({ origin: ORIGIN })) as PosterCodeImage
  expect(img).toMatchObject({ kind: 'qr', mime: 'image/png' })
  const link = `${ORIGIN}/#/pages/referral/index?c=${PLAIN}`
  expect(modulesOf(Buffer.from(img.base64, 'base64'))).toEqual(qrMatrix(link))
  expect(modulesOf(Buffer.from(img.base64, 'base64'))).not.toEqual(qrMatrix(`${ORIGIN}/#/pages/referral/index?c=100007`)) // never the record number
  // What a friend gets on opening that link: the member's display name and the offer (C2).
  const offer = data(await cloud.call('referral', { action: 'offer', code: PLAIN }, FRIEND)) as ReferralOffer
  expect(offer).toMatchObject({ referrerDisplayName: '赵*', state: 'available' })
})

test('C1: asking for the poster code records nothing', async () => {
  await posterCode({ origin: ORIGIN }) // the demo member's code exists already
  const before = everything(cloud)
  data(await posterCode({ origin: ORIGIN }))
  data(await posterCode({}))
  expect(everything(cloud)).toBe(before)
})

test('only a patient has a poster; an origin must be a bare http(s) origin — typed refusals, nothing written', async () => {
  const before = everything(cloud)
  expect(code(await posterCode({ origin: ORIGIN }, FRIEND))).toBe('FORBIDDEN')
  expect(code(await posterCode({ origin: 'javascript:alert(1)' }))).toBe('VALIDATION')
  expect(code(await posterCode({ origin: `${ORIGIN}/evil?x=` }))).toBe('VALIDATION')
  expect(everything(cloud)).toBe(before)
})

describe('on CloudBase: WeChat\'s mini-program code (wx-server-sdk stood in for)', () => {
  const asked: Array<Record<string, unknown>> = []
  const sdk = (answer: () => Promise<{ buffer?: Buffer; contentType?: string }>): WxServerSdk => ({
    DYNAMIC_CURRENT_ENV: Symbol('env'), init() {},
    openapi: { wxacode: { getUnlimited: async (o) => { asked.push(o); return answer() } } },
  })
  beforeEach(() => { asked.length = 0; jest.spyOn(console, 'warn').mockImplementation(() => {}) })
  afterEach(() => jest.restoreAllMocks())

  test('the scene carries the personal referral code (≤ 32 characters), the page is the landing; the image comes back', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xd9])
    Object.assign(cloud.deps, { poster: wechatPoster({ loadSdk: () => sdk(async () => ({ buffer: jpeg, contentType: 'image/jpeg' })) }) })
    expect(data(await posterCode({ origin: ORIGIN }))).toEqual({ kind: 'wxacode', mime: 'image/jpeg', base64: jpeg.toString('base64') })
    expect(asked).toEqual([{ scene: `c=${PLAIN}`, page: 'pages/referral/index', width: 430, checkPath: false, envVersion: 'release' }])
    expect(String(asked[0].scene).length).toBeLessThanOrEqual(32)
    expect(String(asked[0].scene)).not.toMatch(/pat_|100007/)
  })

  test('WeChat refuses (positive errCode): POSTER_CODE_REFUSED, in Chinese and English, nothing written', async () => {
    Object.assign(cloud.deps, { poster: wechatPoster({ loadSdk: () => sdk(() => Promise.reject(Object.assign(new Error('quota'), { errCode: 45009, errMsg: 'reach max api daily quota limit' }))) }) })
    const before = everything(cloud)
    const r = await posterCode({})
    expect(code(r)).toBe('POSTER_CODE_REFUSED')
    expect(!r.ok && r.error.message.zh).toContain('发送给朋友')
    expect(everything(cloud)).toBe(before)
  })

  test('the request is lost (negative errCode): POSTER_CODE_UNAVAILABLE, nothing written', async () => {
    Object.assign(cloud.deps, { poster: wechatPoster({ loadSdk: () => sdk(() => Promise.reject(Object.assign(new Error('timeout'), { errCode: -501001 }))) }) })
    const before = everything(cloud)
    expect(code(await posterCode({}))).toBe('POSTER_CODE_UNAVAILABLE')
    expect(everything(cloud)).toBe(before)
  })
})
