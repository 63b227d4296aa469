/** R1, C1: the referral poster's layout — every rule line on it, every line within the width. */
import { CODE_SIZE, FONTS, POSTER_MARGIN, POSTER_WIDTH, paintPoster, posterLayout, wrapText, type Ctx2D, type Measure, type PosterContent, type PosterOp } from './posterDraw'

/** A stand-in for measureText: CJK characters are one em, everything else about half. */
const measure: Measure = (text, font) => {
  const px = Number(/(\d+)px/.exec(font)![1])
  let w = 0
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? px : px * 0.55
  return w
}

const RULES = [
  '首次到诊立减¥300.00，另赠漱口水或牙线一份',
  '优惠券1个月内有效；到前台报推荐人编号同样有效',
  '仅限首次就诊的新患者，不可用于特价项目和口腔护理产品',
]
const CONTENT: PosterContent = {
  chain: '牙友口腔',
  headline: '赵* 推荐您来牙友口腔',
  rules: RULES,
  rulesTitle: '优惠规则',
  codeCaption: '长按识别小程序码，领取首诊优惠券',
  codeLine: '推荐码 DKH87NJG',
}
const texts = (ops: PosterOp[]) => ops.filter((o): o is Extract<PosterOp, { kind: 'text' }> => o.kind === 'text')
const squash = (s: string) => s.replace(/\s+/g, '')

describe('wrapText', () => {
  test('Chinese breaks between characters, every line within the width, nothing lost', () => {
    const text = RULES[2] + RULES[1]
    const lines = wrapText(text, 300, FONTS.rule, measure)
    expect(lines.length).toBeGreaterThan(2)
    for (const l of lines) expect(measure(l, FONTS.rule)).toBeLessThanOrEqual(300)
    expect(lines.join('')).toBe(text)
  })

  test('no line starts with a comma or full stop; Latin words and amounts stay whole', () => {
    const lines = wrapText('立减¥300.00，另赠一份 mouthwash or floss，欢迎来诊所', 200, FONTS.rule, measure)
    for (const l of lines) expect(l).not.toMatch(/^[，。；]/)
    expect(lines.some((l) => l.includes('¥300.00'))).toBe(true)
    expect(lines.some((l) => l.includes('mouthwash'))).toBe(true)
    expect(squash(lines.join(''))).toBe(squash('立减¥300.00，另赠一份 mouthwash or floss，欢迎来诊所'))
  })

  test('a word wider than the line is broken by character rather than overflowing', () => {
    const lines = wrapText('A'.repeat(40), 100, FONTS.rule, measure)
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines) expect(measure(l, FONTS.rule)).toBeLessThanOrEqual(100)
    expect(lines.join('')).toBe('A'.repeat(40))
  })
})

describe('posterLayout', () => {
  const layout = posterLayout(CONTENT, measure)
  const all = squash(texts(layout.ops).map((o) => o.text).join(''))

  test('C1: every rule line is on the poster, with the chain, the display name and the referral code', () => {
    for (const r of RULES) expect(all).toContain(squash(r))
    for (const s of [CONTENT.chain, '赵*', 'DKH87NJG', CONTENT.codeCaption]) expect(all).toContain(squash(s))
  })

  test('every line of text lies inside the poster\'s margins', () => {
    for (const o of texts(layout.ops)) {
      const w = measure(o.text, o.font)
      const [left, right] = o.align === 'center' ? [o.x - w / 2, o.x + w / 2] : [o.x, o.x + w]
      expect(left).toBeGreaterThanOrEqual(POSTER_MARGIN)
      expect(right).toBeLessThanOrEqual(POSTER_WIDTH - POSTER_MARGIN)
      expect(o.y).toBeLessThan(layout.height)
    }
  })

  test('the code sits centred below the rules, clear of every line of text', () => {
    const code = layout.ops.find((o) => o.kind === 'code')!
    expect(code).toMatchObject({ size: CODE_SIZE, x: (POSTER_WIDTH - CODE_SIZE) / 2 })
    const lastRule = Math.max(...texts(layout.ops).filter((o) => o.text.startsWith('·') || RULES.some((r) => squash(r).includes(squash(o.text)))).map((o) => o.y))
    expect(code.y).toBeGreaterThan(lastRule)
    for (const o of texts(layout.ops)) expect(o.y <= code.y || o.y - 40 >= code.y + CODE_SIZE).toBe(true)
    expect(code.y + CODE_SIZE).toBeLessThan(layout.height)
  })

  test('longer rules make a taller poster, never cut ones', () => {
    const long = posterLayout({ ...CONTENT, rules: [...RULES, '每人只能有一位推荐人，以首次有效领取为准；'.repeat(4)] }, measure)
    expect(long.height).toBeGreaterThan(layout.height)
    expect(squash(texts(long.ops).map((o) => o.text).join(''))).toContain(squash('每人只能有一位推荐人，以首次有效领取为准；'.repeat(4)))
  })
})

test('paintPoster draws each text once and the code image at its place', () => {
  const layout = posterLayout(CONTENT, measure)
  const drawn: string[] = []
  const images: unknown[][] = []
  const ctx: Ctx2D = {
    fillStyle: '', font: '', textAlign: '', textBaseline: '',
    fillRect: () => {}, fillText: (t) => { drawn.push(t) }, drawImage: (...a) => { images.push(a) },
  }
  const img = { src: 'code.png' }
  paintPoster(ctx, layout, img)
  expect(drawn).toEqual(texts(layout.ops).map((o) => o.text))
  const code = layout.ops.find((o) => o.kind === 'code')!
  expect(images).toEqual([[img, code.x, code.y, CODE_SIZE, CODE_SIZE]])
})
