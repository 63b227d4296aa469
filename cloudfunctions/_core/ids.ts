import { randomBytes } from 'node:crypto'

/** Unguessable ids and tokens: 16 random bytes make a card id, 24 a share token. */
export const newId = (prefix: string, bytes = 12): string => `${prefix}_${randomBytes(bytes).toString('base64url')}`
export const newToken = (): string => randomBytes(24).toString('base64url')
