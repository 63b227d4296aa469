/**
 * `npx tsx scripts/share-images.ts`: the share cards' images in src/assets/share/ (issue 12,
 * item 5). WeChat shows a chat share card's image at 5:4 (500×400 here) and a timeline share's at
 * 1:1 (400×400), each PNG well under the 60 KB we allow per image in the package. No text in them (the card's title says it, in the
 * reader's language); a tooth on the brand colour, with a heart for the referral card and a small
 * gift card for the friend card. Anti-aliased by 4×4 supersampling. Deterministic: run it again
 * and the files are the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodePng } from '../cloudfunctions/_core/adapters/qr/qr-png'
import { ROOT } from './lib'

type RGB = [number, number, number]
const BRAND: RGB = [0x0f, 0x6b, 0x63]
const BRAND_LIGHT: RGB = [0x1a, 0x8a, 0x7e]
const WHITE: RGB = [255, 255, 255]
const MINT: RGB = [0xe8, 0xf3, 0xf1]
const GOLD: RGB = [0xf5, 0xb9, 0x42]
const CORAL: RGB = [0xef, 0x6f, 0x6c]

/** A shape: is the point inside? */
type Shape = (x: number, y: number) => boolean
const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r))
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r))
  return dx * dx + dy * dy <= r * r
}
/** A convex polygon, points clockwise on screen. */
const polygon = (pts: Array<[number, number]>): Shape => (x, y) =>
  pts.every(([ax, ay], i) => {
    const [bx, by] = pts[(i + 1) % pts.length]
    return (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0
  })
const union = (...s: Shape[]): Shape => (x, y) => s.some((f) => f(x, y))

/** A molar: two rounded cusps over a crown, two tapering roots with round tips. */
function tooth(cx: number, cy: number, k: number): Shape {
  return union(
    circle(cx - 34 * k, cy - 40 * k, 44 * k),
    circle(cx + 34 * k, cy - 40 * k, 44 * k),
    roundRect(cx - 78 * k, cy - 40 * k, cx + 78 * k, cy + 20 * k, 18 * k),
    roundRect(cx - 78 * k, cy - 40 * k, cx + 78 * k, cy, 0), // square shoulders where the cusps meet the crown
    polygon([[cx - 76 * k, cy + 10 * k], [cx - 8 * k, cy + 10 * k], [cx - 24 * k, cy + 92 * k], [cx - 56 * k, cy + 92 * k]]),
    polygon([[cx + 8 * k, cy + 10 * k], [cx + 76 * k, cy + 10 * k], [cx + 56 * k, cy + 92 * k], [cx + 24 * k, cy + 92 * k]]),
    circle(cx - 40 * k, cy + 90 * k, 16 * k),
    circle(cx + 40 * k, cy + 90 * k, 16 * k),
  )
}

const heart = (cx: number, cy: number, r: number): Shape =>
  union(circle(cx - r * 0.5, cy, r * 0.56), circle(cx + r * 0.5, cy, r * 0.56), polygon([[cx - r * 1.02, cy + r * 0.16], [cx + r * 1.02, cy + r * 0.16], [cx, cy + r * 1.25]]))

/** Layers painted in order, later ones on top. */
type Layer = [Shape, RGB]

function layers(variant: 'referral' | 'friendcard'): Layer[] {
  const base: Layer[] = [
    [roundRect(70, 50, 430, 350, 36), WHITE],
    [circle(250, 200, 118), MINT],
    [tooth(250, 190, 1), BRAND],
    [union(circle(222, 150, 10), circle(278, 150, 10)), WHITE], // a friendly shine on the cusps
  ]
  if (variant === 'referral') return [...base, [circle(348, 112, 44), WHITE], [heart(348, 108, 30), CORAL]]
  return [
    ...base,
    [roundRect(300, 78, 402, 146, 12), WHITE],
    [roundRect(306, 84, 396, 140, 9), GOLD],
    [roundRect(306, 100, 396, 110, 0), WHITE], // the card's stripe
  ]
}

/** The design is drawn for 500×400; a narrower image (the timeline's 1:1) shows its centre. */
function render(variant: 'referral' | 'friendcard', W: number, H: number): Buffer {
  const ls = layers(variant)
  const dx = (500 - W) / 2
  const raw = Buffer.alloc((W * 3 + 1) * H)
  const S = 4
  for (let y = 0; y < H; y++) {
    raw[y * (W * 3 + 1)] = 0
    // A soft vertical wash of the brand colour behind the card.
    const t = y / (H - 1)
    const bg: RGB = [0, 1, 2].map((i) => Math.round(BRAND_LIGHT[i] + (BRAND[i] - BRAND_LIGHT[i]) * t)) as RGB
    for (let x = 0; x < W; x++) {
      const acc = [0, 0, 0]
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = x + dx + (sx + 0.5) / S
          const py = y + (sy + 0.5) / S
          let c = bg
          for (const [shape, colour] of ls) if (shape(px, py)) c = colour
          for (let i = 0; i < 3; i++) acc[i] += c[i]
        }
      }
      for (let i = 0; i < 3; i++) raw[y * (W * 3 + 1) + 1 + x * 3 + i] = Math.round(acc[i] / (S * S))
    }
  }
  return encodePng(W, H, 3, raw)
}

if (require.main === module) {
  const dir = join(ROOT, 'src', 'assets', 'share')
  mkdirSync(dir, { recursive: true })
  // A chat card shows its image at 5:4; the timeline (朋友圈) at 1:1.
  const outputs = [['referral', 500, 400, 'referral.png'], ['friendcard', 500, 400, 'friendcard.png'], ['referral', 400, 400, 'referral-square.png']] as const
  for (const [v, w, h, file] of outputs) {
    const png = render(v, w, h)
    writeFileSync(join(dir, file), png)
    console.log(`src/assets/share/${file}  ${w}×${h}  ${(png.length / 1024).toFixed(1)} KB`)
  }
}
