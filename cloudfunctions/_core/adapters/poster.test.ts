/**
 * R1 on CloudBase, against the real wx-server-sdk: only the network is stubbed — a local stand-in for
 * CloudBase's cloud-call gateway (notify/wechat-channel.gateway.ts, answering an image here), so
 * the SDK's own request encoding and answer reading run unchanged. Success, WeChat's refusal
 * (positive errcode) and a lost request (negative errCode) each end as the adapter promises.
 */
import { isDomainError } from '../../../src/domain/errors'
import { startGateway, type Gateway } from './notify/wechat-channel.gateway'
import { qrPng } from './qr/qr-png'
import { codeFailure, imageMime, wechatPoster } from './poster'

let gw: Gateway

// The SDK is initialised once per process: one adapter for the file, with a short timeout.
const poster = wechatPoster({
  envVersion: 'trial',
  loadSdk: () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: 2_000 })
    return cloud
  },
})
const REQ = { page: 'pages/referral/index', scene: 'c=DKH87NJG', code: 'DKH87NJG' }

beforeAll(async () => { gw = await startGateway() })
afterAll(() => gw.close())
beforeEach(() => { gw.calls.length = 0; jest.spyOn(console, 'warn').mockImplementation(() => {}) })
afterEach(() => jest.restoreAllMocks())

test('WeChat answers with the image: the page gets it as base64, asked for the member\'s scene on the landing page', async () => {
  const png = qrPng('stand-in for the mini-program code')
  gw.answer({ image: png, contentType: 'image/png' })
  const got = await poster.referralCode(REQ)
  expect(got).toEqual({ kind: 'wxacode', mime: 'image/png', base64: png.toString('base64') })
  expect(gw.calls).toEqual([{
    apiName: 'wxacode.getUnlimited',
    // The SDK's snake_case, as WeChat reads it: the referral code in the scene, nothing internal.
    params: { scene: 'c=DKH87NJG', page: 'pages/referral/index', width: 430, check_path: false, env_version: 'trial' },
  }])
  expect(String(gw.calls[0].params.scene).length).toBeLessThanOrEqual(32)
})

test('a JPEG answer is a JPEG', async () => {
  gw.answer({ image: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]), contentType: 'image/jpeg' })
  await expect(poster.referralCode(REQ)).resolves.toMatchObject({ kind: 'wxacode', mime: 'image/jpeg' })
})

test('WeChat refuses (41030: the page is not in the released version): a typed refusal with the errcode', async () => {
  gw.answer({ wechat: { errcode: 41030, errmsg: 'invalid page rid: 1' } })
  const e = await poster.referralCode(REQ).then(() => null, (x: unknown) => x)
  expect(isDomainError(e) && { code: e.code, details: e.details }).toEqual({ code: 'POSTER_CODE_REFUSED', details: { errCode: 41030 } })
})

test('the request is lost on the way (negative errCode from the SDK): a typed "try again", never a refusal', async () => {
  gw.answer('drop')
  const e = await poster.referralCode(REQ).then(() => null, (x: unknown) => x)
  expect(isDomainError(e) && e.code).toBe('POSTER_CODE_UNAVAILABLE')
  expect(isDomainError(e) && (e.details?.errCode as number)).toBeLessThan(0)
  expect(gw.calls).toHaveLength(1)
})

test('an answer that is not an image is not passed on as one', async () => {
  gw.answer({ image: Buffer.from('<html>busy</html>'), contentType: 'text/html' })
  const e = await poster.referralCode(REQ).then(() => null, (x: unknown) => x)
  expect(isDomainError(e) && e.code).toBe('POSTER_CODE_UNAVAILABLE')
  expect(imageMime(Buffer.from('GIF89a...'))).toBeNull()
  expect(codeFailure(new Error('no code')).code).toBe('POSTER_CODE_UNAVAILABLE')
})
