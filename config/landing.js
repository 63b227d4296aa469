/**
 * Issue 12, speed: a Taro plugin that, after each H5 build, writes the friend landings' light entry
 * (src/landing) as self-contained pages, `dist-h5/l/card.html` and `dist-h5/l/referral.html`: the
 * script bundled by esbuild and inlined, the app's stylesheet (design tokens and the classes the
 * landing uses) inlined with the same px → rem conversion and root font size as Taro's H5 build.
 * Nothing else to fetch but the offer itself.
 */
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')
const esbuild = require('esbuild')

const ROOT = join(__dirname, '..')
const STYLES = ['src/app.css', 'src/components/Skeleton.css', 'src/pages/card/claim/index.css', 'src/pages/referral/index.css']
/** The pages, as services/landings.ts names them (light: 'l/card.html', 'l/referral.html'). */
const PAGES = [{ file: 'l/card.html', title: '亲友储值卡' }, { file: 'l/referral.html', title: '朋友推荐 · 首诊优惠' }]

/** Taro's H5 pxtransform at designWidth 750: 1 design px = 1/40 rem; the root font size is set as index.html sets it. */
const toRem = (css) => css.replace(/(-?\d*\.?\d+)px/g, (_, n) => (Number(n) === 0 ? '0' : `${+(Number(n) / 40).toFixed(5)}rem`))
const ROOT_FONT = '!function(){var e=document.documentElement,r=e.getBoundingClientRect(),w=Math.min.apply(Math,[r.width,r.height].filter(Boolean)),x=40*w/750;e.style.fontSize=(x>=40?40:x<=20?20:x)+"px"}();'

/**
 * The stylesheet's rules the landing can use: a rule stays when every class its selector names
 * occurs in the landing's script (it builds its class names from literals); element and `:root`
 * rules stay; @keyframes stay when a kept rule names them. Less to parse and match on a slow phone.
 */
function usedRules(css, js) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const blocks = []
  for (let i = 0; i < text.length;) {
    const open = text.indexOf('{', i)
    if (open < 0) break
    let depth = 1
    let j = open + 1
    for (; j < text.length && depth > 0; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0
    blocks.push({ head: text.slice(i, open).trim(), body: text.slice(open + 1, j - 1) })
    i = j
  }
  // A modifier built at run time (`btn--${variant}`) counts when its block and `--` occur.
  const used = (c) => js.includes(c) || (c.includes('--') && js.includes(c.slice(0, c.indexOf('--') + 2)))
  const classesUsed = (selector) => (selector.match(/\.([A-Za-z0-9_-]+)/g) ?? []).every((c) => used(c.slice(1)))
  const keepRule = (head) => head.split(',').some((sel) => classesUsed(sel.trim()))
  const kept = []
  for (const b of blocks) {
    if (b.head.startsWith('@keyframes')) continue
    if (b.head.startsWith('@media')) {
      const inner = usedRules(b.body, js)
      if (inner.trim()) kept.push(`${b.head}{${inner}}`)
    } else if (keepRule(b.head)) kept.push(`${b.head}{${b.body}}`)
  }
  const out = kept.join('\n')
  for (const b of blocks) if (b.head.startsWith('@keyframes') && out.includes(b.head.split(/\s+/)[1])) kept.push(`${b.head}{${b.body}}`)
  return kept.join('\n')
}

function buildLanding(outDir) {
  const js = esbuild.buildSync({
    entryPoints: [join(ROOT, 'src/landing/main.ts')], bundle: true, write: false, minify: true, format: 'iife', target: 'es2019',
    define: { 'process.env.TARO_ENV': '"h5"', 'process.env.NODE_ENV': '"production"' }, legalComments: 'none',
  }).outputFiles[0].text
  const css = toRem(usedRules(STYLES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n'), js))
  const esc = (s) => s.replace(/<\/(script|style)/gi, '<\\/$1')
  for (const p of PAGES) {
    const html = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
      + '<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">'
      + `<meta name="format-detection" content="telephone=no,address=no"><link rel="icon" href="data:,"><title>${p.title}</title>`
      // The landing's script first: it sends the offer request before the styles are parsed.
      + `<script>${ROOT_FONT}${esc(js)}</script><style>${esc(css)}</style></head>`
      + '<body><div id="app"></div></body></html>'
    mkdirSync(join(outDir, 'l'), { recursive: true })
    writeFileSync(join(outDir, p.file), html)
  }
  return { jsBytes: js.length, cssBytes: css.length }
}

module.exports = (ctx) => {
  ctx.onBuildComplete(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const { jsBytes, cssBytes } = buildLanding(join(ROOT, 'dist-h5'))
    console.log(`[yayou] friend landings (light entry): dist-h5/l/card.html, l/referral.html — script ${(jsBytes / 1024).toFixed(1)} KB, styles ${(cssBytes / 1024).toFixed(1)} KB`)
  })
}
module.exports.buildLanding = buildLanding
