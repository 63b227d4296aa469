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

function buildLanding(outDir) {
  const js = esbuild.buildSync({
    entryPoints: [join(ROOT, 'src/landing/main.ts')], bundle: true, write: false, minify: true, format: 'iife', target: 'es2019',
    define: { 'process.env.TARO_ENV': '"h5"', 'process.env.NODE_ENV': '"production"' }, legalComments: 'none',
  }).outputFiles[0].text
  const css = toRem(STYLES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n'))
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
