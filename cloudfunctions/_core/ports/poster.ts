/**
 * R1: a referral poster with a mini-program code. On CloudBase the code comes from WeChat's
 * `wxacode.getUnlimited` (a short `scene` instead of a query); locally there is no WeChat, so the
 * poster carries the same landing as a plain QR image.
 */
import type { PosterCodeImage } from '../../../src/api/contract'

export interface PosterRequest { page: string; scene: string; code: string }
/** `origin`: the H5 site the local QR points at (ignored by WeChat's code, which opens the mini-program). */
export interface PosterCodeRequest extends PosterRequest { origin?: string }
export interface PosterPort {
  /** The code image itself, for the page to draw (issue 12, item 5). */
  referralCode(req: PosterCodeRequest): Promise<PosterCodeImage>
}
