/**
 * Issue 11, cold start: how long each deployable function takes to load in a fresh Node process,
 * against `node -e 0` measured in the same rounds (this machine is shared: read the ratio, not the
 * milliseconds). Goal: at most 150 ms over `node -e 0`. "full SDK" is `require('@cloudbase/node-sdk')`
 * as published, for comparison with the trimmed bundle (scripts/sdk-trim.ts).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { functionNames } from './build-functions'
import { ROOT } from './lib'

const ROUNDS = 7
const GOAL_MS = 150

function wall(code: string): number {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, stdio: 'ignore' })
  if (r.status !== 0) throw new Error(`node -e ${code} exited ${r.status}`)
  return Number(process.hrtime.bigint() - t0) / 1e6
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Expects dist-functions/ to be built (bench.ts builds it just before). */
export function benchColdStart(): void {
  const probes: Record<string, string> = { 'node -e 0': '0', 'full SDK': "require('@cloudbase/node-sdk')" }
  for (const n of functionNames()) probes[n] = `require(${JSON.stringify(join(ROOT, 'dist-functions', n, 'index.js'))})`
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(probes).map((k) => [k, []]))
  for (let r = 0; r < ROUNDS; r++) for (const [k, code] of Object.entries(probes)) times[k].push(wall(code))
  const bare = median(times['node -e 0'])
  console.log(`\ncold start: load in a fresh process, median of ${ROUNDS} rounds; node -e 0 = ${bare.toFixed(0)} ms (goal: ≤ ${GOAL_MS} ms over it)`)
  let worst = 0
  for (const k of Object.keys(probes).slice(1)) {
    const m = median(times[k])
    const over = m - bare
    if (k !== 'full SDK') worst = Math.max(worst, over)
    console.log(`  ${k.padEnd(12)} ${m.toFixed(0).padStart(5)} ms  +${over.toFixed(0).padStart(4)} ms  ×${(m / bare).toFixed(2)} of node -e 0${k === 'full SDK' ? '  (reference)' : over <= GOAL_MS ? '' : '  over the goal'}`)
  }
  console.log(`  worst function: +${worst.toFixed(0)} ms over node -e 0`)
}

if (require.main === module) {
  // Alone: `npx tsx scripts/bench-cold-start.ts` builds dist-functions/ first.
  void import('./build-functions').then(async (b) => { await b.buildFunctions(); benchColdStart() })
}
