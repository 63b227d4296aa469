/**
 * `npm run build:functions`: each folder under cloudfunctions/ (not `_core`/`_local`) becomes a
 * self-contained folder in dist-functions/ that CloudBase deploys as is: one bundled index.js with
 * our code inlined, its config.json, and a package.json naming only the SDK the cloud installs.
 */
import { build } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib'
import { sdkTrim } from './sdk-trim'

const SRC = join(ROOT, 'cloudfunctions')
const OUT = join(ROOT, 'dist-functions')

export function functionNames(): string[] {
  return readdirSync(SRC).filter((n) => !n.startsWith('_') && statSync(join(SRC, n)).isDirectory() && existsSync(join(SRC, n, 'index.ts')))
}

/** Builds every function into `out` (dist-functions/ unless a test asks for a folder of its own). */
export async function buildFunctions(out = OUT): Promise<{ name: string; bytes: number }[]> {
  rmSync(out, { recursive: true, force: true })
  const built: { name: string; bytes: number }[] = []
  for (const name of functionNames()) {
    const dir = join(out, name)
    mkdirSync(dir, { recursive: true })
    const r = await build({
      entryPoints: [join(SRC, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16', // CloudBase's Node.js 16 runtime or newer
      format: 'cjs',
      // node-sdk is bundled without the parts we never call (sdk-trim.ts); wx-server-sdk stays external.
      external: ['wx-server-sdk'],
      plugins: [sdkTrim()],
      metafile: true,
      legalComments: 'none',
      minifyWhitespace: true, // less to parse on every cold start; names stay readable in stack traces
      minifySyntax: true,
      logLevel: 'warning',
    })
    for (const f of ['config.json', 'package.json']) copyFileSync(join(SRC, name, f), join(dir, f))
    built.push({ name, bytes: Object.values(r.metafile.outputs).reduce((s, o) => s + o.bytes, 0) })
  }
  return built
}

if (require.main === module) {
  buildFunctions().then((fns) => {
    for (const f of fns) console.log(`dist-functions/${f.name}/index.js  ${(f.bytes / 1024).toFixed(1)} KB`)
  }).catch((e) => { console.error(e); process.exit(1) })
}
