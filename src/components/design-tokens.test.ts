/**
 * Issue 12: colours live in one place, the `--yy-…` tokens at the top of src/app.css. This scans
 * every stylesheet under src for hex colours outside that block, and every `var(--yy-…)` for a
 * token that does not exist (a typo there silently drops the declaration).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const SRC = join(__dirname, '..')

/**
 * Stylesheets not converted to the tokens yet, each still allowed its hex colours. Remove a file
 * once it uses only tokens; add none (a new stylesheet uses the tokens from the start).
 */
const NOT_YET_CONVERTED = new Set([
  'pages/bind/index.css',
  'pages/cards/index.css',
  'pages/clinics/index.css',
  'pages/index/index.css',
  'account/mydata/index.css',
  'pages/rate/index.css',
  'pages/referral/card/index.css',
  'pages/referral/shared.css',
  'staff/appointments/index.css',
  'staff/import/index.css',
  'staff/reception/BindingCodePanel.css',
  'staff/reception/index.css',
])

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return cssFiles(p)
    return e.name.endsWith('.css') ? [p] : []
  })
}

/** The tokens block: `:root, page { … }` in app.css. */
const TOKENS_BLOCK = /:root,\s*page\s*\{[^}]*\}/
const tokensBlock = (): string => readFileSync(join(SRC, 'app.css'), 'utf8').match(TOKENS_BLOCK)?.[0] ?? ''
const withoutTokens = (css: string) => css.replace(TOKENS_BLOCK, '').replace(/\/\*[\s\S]*?\*\//g, '')
const hexColours = (css: string) => withoutTokens(css).match(/#[0-9a-fA-F]{3,8}\b/g) ?? []

const files = cssFiles(SRC).map((f) => ({ name: relative(SRC, f).split('\\').join('/'), css: readFileSync(f, 'utf8') }))

describe('design tokens (issue 12)', () => {
  test('the tokens block defines colours, spacing, radii and font sizes', () => {
    const block = tokensBlock()
    for (const kind of ['color', 'space', 'radius', 'font']) expect(block).toMatch(new RegExp(`--yy-${kind}-[a-z0-9-]+:`))
  })

  test('no stylesheet outside the not-yet-converted list has a hex colour outside the tokens', () => {
    const offenders = files
      .filter((f) => !NOT_YET_CONVERTED.has(f.name))
      .map((f) => ({ file: f.name, hex: hexColours(f.css) }))
      .filter((f) => f.hex.length > 0)
    expect(offenders).toEqual([])
  })

  test('every var(--yy-…) names a token that exists', () => {
    const defined = new Set(Array.from(tokensBlock().matchAll(/(--yy-[a-z0-9-]+):/g), (m) => m[1]))
    const unknown = files.flatMap((f) => Array.from(f.css.matchAll(/var\((--yy-[a-z0-9-]+)/g), (m) => `${f.name}: ${m[1]}`).filter((u) => !defined.has(u.split(': ')[1])))
    expect(unknown).toEqual([])
  })

  test('how many hex colours the unconverted stylesheets still have (a note, shrinking over time)', () => {
    const left = files.filter((f) => NOT_YET_CONVERTED.has(f.name)).map((f) => `${f.name}: ${hexColours(f.css).length}`)
    const done = [...NOT_YET_CONVERTED].filter((n) => !files.some((f) => f.name === n && hexColours(f.css).length > 0))
    // Reported, not failed: those files belong to other pages; `done` ones can leave the list.
    if (done.length) console.info(`design tokens: these can leave NOT_YET_CONVERTED: ${done.join(', ')}`)
    console.info(`design tokens: hex colours left — ${left.join(', ')}`)
    expect(files.length).toBeGreaterThan(NOT_YET_CONVERTED.size)
  })
})
