/**
 * A QR code as a PNG, made on the server with the same encoder the app uses for its own codes
 * (qrcode-generator, error correction M, as src/components/QrCode.tsx). Used locally, where there
 * is no WeChat to make a mini-program code for the referral poster (R1). Grey-scale, 8 bits, black
 * modules on white with a quiet zone of 4 modules, every row unfiltered.
 */
import { deflateSync } from 'node:zlib'
import qrcode from 'qrcode-generator'

/** The QR matrix for `text` (true = dark), as the app's encoder makes it. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}

export const QUIET_MODULES = 4

export function qrPng(text: string, scale = 8): Buffer {
  const matrix = qrMatrix(text)
  const side = (matrix.length + 2 * QUIET_MODULES) * scale
  const raw = Buffer.alloc((side + 1) * side, 0xff)
  for (let y = 0; y < side; y++) {
    raw[y * (side + 1)] = 0 // filter: none
    const r = Math.floor(y / scale) - QUIET_MODULES
    for (let x = 0; x < side; x++) {
      const c = Math.floor(x / scale) - QUIET_MODULES
      if (matrix[r]?.[c]) raw[y * (side + 1) + 1 + x] = 0
    }
  }
  return encodePng(side, side, 1, raw)
}

/**
 * A PNG of `raw`: each row a filter byte (0) then its pixels, 1 byte each (grey) or 3 (RGB).
 * Also used by scripts/share-images.ts for the share cards' images.
 */
export function encodePng(width: number, height: number, channels: 1 | 3, raw: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8) // 8 bits, grey or RGB, deflate, adaptive filters, no interlace
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length, 0)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body), 0)
  return Buffer.concat([len, body, crc])
}

let table: Uint32Array | undefined
function crc32(buf: Buffer): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let c = 0xffffffff
  for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
