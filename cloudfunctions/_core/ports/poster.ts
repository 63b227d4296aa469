/**
 * R1: a referral poster with a mini-program code. On CloudBase the code comes from WeChat's
 * `wxacode.getUnlimited` (a short `scene` instead of a query) and is stored in cloud storage;
 * locally there is no WeChat, so the poster carries the same path as text for a plain QR image.
 */
export interface PosterRequest { page: string; scene: string; code: string }
export interface Poster { fileId?: string; qrText?: string }
export interface PosterPort { referralPoster(req: PosterRequest): Promise<Poster> }
