/**
 * The referral poster's layout (R1, C1, C2), pure: what goes where on a 750-pixel-wide image, given
 * a way to measure text. The page paints it on a Canvas 2D context (weapp) or an HTML canvas (H5).
 * On it: the chain's name, the member's display name (never the record's name, C2), the offer and
 * EVERY rule line for the friend (C1: the full rules travel with the offer), the code image and the
 * personal referral code. Nothing on it speaks of a reward for sharing (C1).
 */

export const POSTER_WIDTH = 750
export const POSTER_MARGIN = 56
const PAD = POSTER_MARGIN
const TEXT_WIDTH = POSTER_WIDTH - 2 * PAD
export const CODE_SIZE = 320

export const COLORS = { brand: '#0f6b63', ink: '#12312f', muted: '#6b7f7d', paper: '#ffffff', band: '#e8f3f1', white: '#ffffff' } as const

export interface PosterContent {
  chain: string
  /** e.g. 「赵* 推荐您来牙友口腔」: the display name only. */
  headline: string
  /** The offer's rule lines as the server words them; the first is the offer itself. */
  rules: string[]
  rulesTitle: string
  /** Under the code: how to open it. */
  codeCaption: string
  /** The personal referral code line (the desk accepts it too). */
  codeLine: string
}

/** The width of `text` drawn in `font` (a CSS font string such as `bold 40px sans-serif`). */
export type Measure = (text: string, font: string) => number

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { kind: 'text'; text: string; x: number; y: number; font: string; color: string; align: 'left' | 'center' }
  | { kind: 'code'; x: number; y: number; size: number }

export interface PosterLayout { width: number; height: number; ops: PosterOp[] }

export const FONTS = {
  chain: 'bold 34px sans-serif',
  headline: 'bold 44px sans-serif',
  offer: 'bold 38px sans-serif',
  rulesTitle: 'bold 28px sans-serif',
  rule: '26px sans-serif',
  caption: '26px sans-serif',
  code: 'bold 30px monospace',
} as const

/** The size of a font string in pixels, for line heights. */
const sizeOf = (font: string) => Number(/(\d+)px/.exec(font)?.[1] ?? 16)

/** Characters that never start a line (Chinese line-breaking rules). */
const NO_LINE_START = /^[，。；：、！？）》」』”’,.;:!?)\]%]/

/** Words of Latin text stay whole; each CJK character is its own piece; punctuation sticks to what it follows. */
function pieces(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/[A-Za-z0-9¥$.,%+\-/#@&:'’]+|\s+|./gu)) {
    const p = m[0]
    if (out.length > 0 && NO_LINE_START.test(p)) out[out.length - 1] += p
    else out.push(p)
  }
  return out
}

/** `text` broken into lines no wider than `width`; a piece wider than a line is broken by character. */
export function wrapText(text: string, width: number, font: string, measure: Measure): string[] {
  const lines: string[] = []
  let line = ''
  const push = () => { if (line.trim()) lines.push(line.trimEnd()); line = '' }
  for (const piece of pieces(text)) {
    if (measure(line + piece, font) <= width) { line += piece; continue }
    push()
    if (/^\s+$/.test(piece)) continue
    if (measure(piece, font) <= width) { line = piece; continue }
    for (const ch of piece) {
      if (measure(line + ch, font) > width) push()
      line += ch
    }
  }
  push()
  return lines
}

/** Where everything goes. Heights follow the text, so every rule line fits however long it is. */
export function posterLayout(c: PosterContent, measure: Measure): PosterLayout {
  const ops: PosterOp[] = []
  let y = 0
  const text = (s: string, font: keyof typeof FONTS, color: string, gap = 0.5, x = PAD, width = TEXT_WIDTH, align: 'left' | 'center' = 'left') => {
    const f = FONTS[font]
    const lh = Math.round(sizeOf(f) * 1.45)
    for (const line of wrapText(s, width, f, measure)) {
      ops.push({ kind: 'text', text: line, x: align === 'center' ? POSTER_WIDTH / 2 : x, y: y + Math.round(sizeOf(f) * 1.1), font: f, color, align })
      y += lh
    }
    y += Math.round(sizeOf(f) * gap)
  }

  // The chain's band.
  ops.push({ kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: 104, color: COLORS.brand })
  y = 30
  text(c.chain, 'chain', COLORS.white, 0)
  y = 104 + 44

  text(c.headline, 'headline', COLORS.ink, 0.6)
  if (c.rules[0]) text(c.rules[0], 'offer', COLORS.brand, 0.8)

  // C1: the full rules, every line, on a light panel sized to them.
  const panelTop = y
  const panel: Extract<PosterOp, { kind: 'rect' }> = { kind: 'rect', x: PAD - 20, y: panelTop, w: TEXT_WIDTH + 40, h: 0, color: COLORS.band }
  ops.push(panel)
  y += 24
  text(c.rulesTitle, 'rulesTitle', COLORS.ink, 0.3)
  for (const rule of c.rules) text(`· ${rule}`, 'rule', COLORS.ink, 0.3)
  y += 16
  panel.h = y - panelTop

  y += 40
  ops.push({ kind: 'code', x: (POSTER_WIDTH - CODE_SIZE) / 2, y, size: CODE_SIZE })
  y += CODE_SIZE + 16
  text(c.codeCaption, 'caption', COLORS.muted, 0.4, PAD, TEXT_WIDTH, 'center')
  text(c.codeLine, 'code', COLORS.ink, 0.4, PAD, TEXT_WIDTH, 'center')
  y += 40
  return { width: POSTER_WIDTH, height: y, ops: [{ kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: y, color: COLORS.paper }, ...ops] }
}

/** The parts of a 2D context the painter uses (CanvasRenderingContext2D on H5, Canvas 2D on weapp). */
export interface Ctx2D {
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void
}

export function paintPoster(ctx: Ctx2D, layout: PosterLayout, codeImage: unknown): void {
  ctx.textBaseline = 'alphabetic'
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      ctx.fillStyle = op.color
      ctx.fillRect(op.x, op.y, op.w, op.h)
    } else if (op.kind === 'text') {
      ctx.fillStyle = op.color
      ctx.font = op.font
      ctx.textAlign = op.align
      ctx.fillText(op.text, op.x, op.y)
    } else {
      ctx.fillStyle = COLORS.white
      ctx.fillRect(op.x - 12, op.y - 12, op.size + 24, op.size + 24)
      ctx.drawImage(codeImage, op.x, op.y, op.size, op.size)
    }
  }
}
