/**
 * Draws the tabBar icons (首页 / 会员码 / 我的) as 81×81 PNGs into src/assets/tab/, grey and the
 * brand teal for the selected tab. WeChat wants PNGs of at most 40 KB; these are drawn here (no
 * downloads, no image library): shapes as inside-tests, 4×4 supersampled for smooth edges.
 *
 * Run: `npx tsx scripts/tab-icons.ts` (the PNGs are committed; run again only to change them).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const SS = 4
const OUT = join(__dirname, '..', 'src', 'assets', 'tab')
/** The same colours as the tabBar's text (src/app.config.ts). */
const GREY: RGB = [0x8a, 0x9b, 0x99]
const TEAL: RGB = [0x14, 0x89, 0x7e]

type RGB = [number, number, number]
/** Is the point (x, y), in a 0..81 square, inside the shape? */
type Shape = (x: number, y: number) => boolean

const rect = (x0: number, y0: number, x1: number, y1: number): Shape => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ring = (x0: number, y0: number, x1: number, y1: number, w: number): Shape => (x, y) => rect(x0, y0, x1, y1)(x, y) && !rect(x0 + w, y0 + w, x1 - w, y1 - w)(x, y)
const union = (...s: Shape[]): Shape => (x, y) => s.some((f) => f(x, y))
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y)

/** 首页: a house, roof over a body with a door. */
const home: Shape = minus(
  union(
    // Roof: the triangle with apex (40.5, 12) and base y = 40 from x 10 to 71.
    (x, y) => y >= 12 && y <= 40 && Math.abs(x - 40.5) <= ((y - 12) / 28) * 30.5,
    rect(18, 38, 63, 70),
  ),
  rect(34, 50, 47, 70),
)

/** 会员码: a QR code's three finder squares and a few modules. */
const finder = (x: number, y: number): Shape => union(ring(x, y, x + 24, y + 24, 5), rect(x + 9, y + 9, x + 15, y + 15))
const code: Shape = union(finder(10, 10), finder(47, 10), finder(10, 47), rect(47, 47, 55, 55), rect(62, 47, 71, 55), rect(47, 62, 55, 71), rect(59, 59, 71, 71))

/** 我的: a person, head and shoulders. */
const me: Shape = union(
  circle(40.5, 27, 14),
  // Shoulders: the upper half of an ellipse centred low in the square.
  (x, y) => y <= 71 && ((x - 40.5) / 28) ** 2 + ((y - 72) / 26) ** 2 <= 1,
)

function crc32(buf: Buffer): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** An RGBA PNG of the shape in one colour; coverage (anti-aliasing) in the alpha channel. */
export function png(shape: Shape, [r, g, b]: RGB): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4) // filter byte 0 (none), then the pixels
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) if (shape(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits++
      row.set([r, g, b, Math.round((255 * hits) / (SS * SS))], 1 + x * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8 bits, RGBA, deflate, no filter method extras, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

export const TAB_ICONS: Record<string, Shape> = { home, code, me }

if (require.main === module) {
  mkdirSync(OUT, { recursive: true })
  for (const [name, shape] of Object.entries(TAB_ICONS)) {
    writeFileSync(join(OUT, `${name}.png`), png(shape, GREY))
    writeFileSync(join(OUT, `${name}-active.png`), png(shape, TEAL))
  }
  console.log(`tab icons written to ${OUT}`)
}
