/**
 * R1 locally: no WeChat here, so the poster's code is a plain QR of the H5 landing link (same page,
 * same personal code as the mini-program code's scene). Only the local cloud loads this file.
 */
import type { PosterCodeImage } from '../../../src/api/contract'
import type { PosterCodeRequest, PosterPort } from '../ports/poster'
import { qrPng } from './qr/qr-png'

/** The H5 landing link a local QR carries: the same page and code as the mini-program code's scene. */
export function localLandingLink(req: Pick<PosterCodeRequest, 'page' | 'code' | 'origin'>): string {
  return `${req.origin ?? ''}/#/${req.page}?c=${encodeURIComponent(req.code)}`
}

export const localPoster: PosterPort = {
  async referralCode(req: PosterCodeRequest): Promise<PosterCodeImage> {
    return { kind: 'qr', mime: 'image/png', base64: qrPng(localLandingLink(req)).toString('base64') }
  },
}

