/** Small helpers shared by the npm scripts: staleness checks and running commands. */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..')

/** Newest modification time of any file under `paths` (skipping node_modules). */
export function newest(paths: string[]): number {
  let max = 0
  const walk = (p: string) => {
    if (!existsSync(p)) return
    const s = statSync(p)
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules') walk(join(p, e))
    } else max = Math.max(max, s.mtimeMs)
  }
  paths.forEach((p) => walk(join(ROOT, p)))
  return max
}

/** Sources the mini-program build depends on. */
export const APP_SOURCES = ['src', 'config', 'babel.config.js', 'package.json', 'project.config.json']

/** True when `marker` is missing or older than any of the sources. */
export const stale = (marker: string, sources = APP_SOURCES): boolean => {
  const m = join(ROOT, marker)
  return !existsSync(m) || statSync(m).mtimeMs < newest(sources)
}

export function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

export function buildApp(type: 'h5' | 'weapp', force = false): void {
  const marker = type === 'h5' ? 'dist-h5/index.html' : 'dist/app.js'
  if (!force && !stale(marker)) return
  console.log(`\n▶ building the ${type} app (taro build --type ${type})…`)
  const code = run('npx', ['taro', 'build', '--type', type], { NODE_ENV: 'production' })
  if (code !== 0) throw new Error(`taro build --type ${type} failed (exit ${code})`)
}
