/**
 * `npm run build:functions`: each folder under cloudfunctions/ (not `_core`/`_local`) becomes a
 * self-contained folder in dist-functions/ that CloudBase deploys as is: one bundled index.js with
 * our code inlined, its config.json, and a package.json naming only the SDK the cloud installs.
 */
import { build, type Plugin } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib'
import { sdkTrim } from './sdk-trim'

const SRC = join(ROOT, 'cloudfunctions')
const OUT = join(ROOT, 'dist-functions')

export function functionNames(): string[] {
  return readdirSync(SRC).filter((n) => !n.startsWith('_') && statSync(join(SRC, n)).isDirectory() && existsSync(join(SRC, n, 'index.ts')))
}

const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node16', // CloudBase's Node.js 16 runtime or newer
  format: 'cjs',
  metafile: true,
  legalComments: 'none',
  minifyWhitespace: true, // less to parse on every cold start; names stay readable in stack traces
  minifySyntax: true,
  logLevel: 'warning',
} as const

/** Packages our code loads with `import()` only when needed (exceljs: the first XLSX import) stay out of index.js. */
const LAZY = /^(exceljs)$/

function lazyFiles(seen: Set<string>): Plugin {
  return {
    name: 'yayou-lazy-files',
    setup(b) {
      b.onResolve({ filter: LAZY }, (a) => {
        if (a.kind !== 'dynamic-import') return undefined
        seen.add(a.path)
        return { path: `./${a.path}.js`, external: true }
      })
    },
  }
}

/** Builds every function into `out` (dist-functions/ unless a test asks for a folder of its own). */
export async function buildFunctions(out = OUT): Promise<{ name: string; bytes: number }[]> {
  rmSync(out, { recursive: true, force: true })
  const built: { name: string; bytes: number }[] = []
  for (const name of functionNames()) {
    const dir = join(out, name)
    mkdirSync(dir, { recursive: true })
    const lazy = new Set<string>()
    const r = await build({
      ...COMMON,
      entryPoints: [join(SRC, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      // node-sdk is bundled without the parts we never call (sdk-trim.ts); wx-server-sdk stays external.
      external: ['wx-server-sdk'],
      plugins: [sdkTrim(), lazyFiles(lazy)],
    })
    // A package imported with import() gets a bundle file of its own beside index.js, parsed on first use only.
    for (const pkg of lazy) await build({ ...COMMON, entryPoints: [require.resolve(pkg)], outfile: join(dir, `${pkg}.js`) })
    for (const f of ['config.json', 'package.json']) copyFileSync(join(SRC, name, f), join(dir, f))
    built.push({ name, bytes: Object.values(r.metafile!.outputs).reduce((s, o) => s + o.bytes, 0) })
  }
  return built
}

if (require.main === module) {
  buildFunctions().then((fns) => {
    for (const f of fns) console.log(`dist-functions/${f.name}/index.js  ${(f.bytes / 1024).toFixed(1)} KB`)
  }).catch((e) => { console.error(e); process.exit(1) })
}
