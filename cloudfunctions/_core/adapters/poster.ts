/**
 * R1 on CloudBase: the referral poster's mini-program code from WeChat. The local stand-in (a QR
 * of the H5 landing) is local-poster.ts, kept apart so that no deployed bundle carries a QR encoder.
 */
import type { PosterCodeImage } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import type { PosterCodeRequest, PosterPort } from '../ports/poster'

/** Which version of the mini-program the code opens: the released one unless the deployment says otherwise. */
export type MiniProgramVersion = 'release' | 'trial' | 'develop'
const versionFrom = (v: string | undefined): MiniProgramVersion => (v === 'trial' || v === 'develop' ? v : 'release')

export interface WechatPosterOptions {
  /** wx-server-sdk, loaded lazily so that functions which make no code never load it. */
  loadSdk?: () => WxServerSdk
  envVersion?: MiniProgramVersion
}

/**
 * What a thrown wx-server-sdk error means. The SDK resolves only on success and throws the rest
 * with an `errCode`: positive is WeChat's own answer (e.g. 41030 page not in the released version,
 * 45009 daily quota), a definite refusal; negative or none is a request that failed on the way.
 */
export function codeFailure(e: unknown): DomainError {
  const errCode = (e as { errCode?: unknown } | null)?.errCode
  const known = typeof errCode === 'number' ? errCode : undefined
  console.warn('[poster] wxacode.getUnlimited failed', known ?? '', (e as { errMsg?: unknown } | null)?.errMsg ?? e)
  return new DomainError(known !== undefined && known > 0 ? 'POSTER_CODE_REFUSED' : 'POSTER_CODE_UNAVAILABLE', known !== undefined ? { errCode: known } : undefined)
}

/** The image kind from its first bytes (PNG or JPEG), or null when it is neither. */
export function imageMime(buf: Buffer): PosterCodeImage['mime'] | null {
  if (buf.length > 8 && buf.readUInt32BE(0) === 0x89504e47) return 'image/png'
  if (buf.length > 3 && buf[0] === 0xff && buf[1] === 0xd8) return 'image/jpeg'
  return null
}

/**
 * CloudBase: wx-server-sdk's cloud call `openapi.wxacode.getUnlimited` (the function's config.json
 * grants `wxacode.getUnlimited`). `scene` (≤ 32 characters) is `c=<referral code>`; `check_path`
 * off so a page not yet in the released version is still accepted.
 */
export function wechatPoster(opts: WechatPosterOptions = {}): PosterPort {
  let cloud: WxServerSdk | undefined
  const sdk = () => (cloud ??= (opts.loadSdk ?? defaultSdk)())
  const envVersion = opts.envVersion ?? versionFrom(process.env.YAYOU_MP_VERSION)
  return {
    async referralCode(req: PosterCodeRequest): Promise<PosterCodeImage> {
      let res: WxacodeAnswer
      try {
        res = await sdk().openapi.wxacode.getUnlimited({ scene: req.scene, page: req.page, width: 430, checkPath: false, envVersion })
      } catch (e) {
        throw codeFailure(e)
      }
      const mime = res.buffer ? imageMime(res.buffer) : null
      if (!res.buffer || !mime) throw codeFailure({ errCode: res.errCode, errMsg: `not an image (${res.contentType ?? 'no content type'})` })
      return { kind: 'wxacode', mime, base64: res.buffer.toString('base64') }
    },
  }
}

interface WxacodeAnswer { buffer?: Buffer; contentType?: string; errCode?: number; errMsg?: string }
export interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol
  init(opts: { env: unknown; timeout?: number }): void
  openapi: { wxacode: { getUnlimited(o: { scene: string; page: string; width: number; checkPath: boolean; envVersion: MiniProgramVersion }): Promise<WxacodeAnswer> } }
}

function defaultSdk(): WxServerSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as WxServerSdk
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: 8_000 })
  return cloud
}
