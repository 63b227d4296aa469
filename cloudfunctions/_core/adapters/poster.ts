import type { Poster, PosterPort, PosterRequest } from '../ports/poster'

/** Local: the landing path itself, which the app renders as a QR image. */
export const localPoster: PosterPort = {
  async referralPoster(req: PosterRequest): Promise<Poster> {
    return { qrText: `/#/${req.page}?c=${encodeURIComponent(req.code)}` }
  },
}

/**
 * CloudBase: wx-server-sdk's cloud call `openapi.wxacode.getUnlimited` (the function's config.json
 * grants `wxacode.getUnlimited`), then `uploadFile` to cloud storage. Not run here: no WeChat
 * environment on this machine. Loaded lazily so the other functions never need wx-server-sdk.
 */
export function wechatPoster(): PosterPort {
  return {
    async referralPoster(req: PosterRequest): Promise<Poster> {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = require('wx-server-sdk') as WxServerSdk
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
      const res = await cloud.openapi.wxacode.getUnlimited({ scene: req.scene, page: req.page, width: 430, checkPath: false })
      if (!res.buffer || (res.errCode && res.errCode !== 0)) throw new Error(`wxacode.getUnlimited failed: ${res.errCode} ${res.errMsg ?? ''}`)
      const up = await cloud.uploadFile({ cloudPath: `posters/referral-${req.code}.png`, fileContent: res.buffer })
      return { fileId: up.fileID }
    },
  }
}

interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol
  init(opts: { env: unknown }): void
  openapi: { wxacode: { getUnlimited(o: { scene: string; page: string; width: number; checkPath: boolean }): Promise<{ buffer?: Buffer; errCode?: number; errMsg?: string }> } }
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}
