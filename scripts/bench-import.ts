/**
 * `npm run bench` part: the patient import (issue 10) on 100,000 rows — goal: under 60 s.
 * A generated CSV in a temp folder (about 1% bad rows, two clinics by name, spends around the M1
 * threshold), imported with the CLI's code path into a fresh file database with the demo chain;
 * then the same file again, which finds every record unchanged and writes nothing.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import type { ImportReport } from '../src/api/records'
import { importFile } from './import'

const GOAL_S = 60

export function generateCsv(rows: number): string {
  const lines = ['病历号,姓名,手机,生日,诊所,历史消费,最近就诊']
  for (let i = 0; i < rows; i++) {
    const bad = i % 100 === 99 // one row in a hundred: a phone one digit short
    const phone = `13${String(i).padStart(9, '0')}`
    const birthday = `${1950 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
    const clinic = i % 3 === 0 ? '西湖店' : '静安店'
    const spend = `${(i * 37) % 40_000}.${String(i % 100).padStart(2, '0')}`
    const visit = i % 4 === 0 ? '' : `2026-${String(1 + (i % 10)).padStart(2, '0')}-15`
    lines.push(`${1_000_000 + i},患者${i},${bad ? phone.slice(1) : phone},${birthday},${clinic},${spend},${visit}`)
  }
  return lines.join('\n') + '\n'
}

async function timed(cloud: LocalCloud, file: string): Promise<{ seconds: number; r: ImportReport }> {
  const t0 = process.hrtime.bigint()
  const r = await importFile(cloud, { file, dryRun: false })
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, r }
}

export async function benchImport(rows = 100_000): Promise<void> {
  console.log(`\npatient import: ${rows.toLocaleString('en-US')} rows from a CSV into the file database (goal: under ${GOAL_S} s)`)
  const dir = mkdtempSync(join(tmpdir(), 'yayou-bench-import-'))
  try {
    const file = join(dir, 'patients.csv')
    writeFileSync(file, generateCsv(rows))
    const clock = new LocalClock()
    clock.pin(new Date('2026-11-22T02:00:00Z'))
    const cloud = await LocalCloud.open({ dataDir: join(dir, 'db'), clock, qrSecret: 'b'.repeat(64) })
    try {
      const first = await timed(cloud, file)
      const bad = new Set(first.r.problems.map((p) => p.row)).size
      const rate = Math.round(rows / first.seconds).toLocaleString('en-US')
      console.log(`  first import   ${first.seconds.toFixed(2).padStart(6)} s  ${rate.padStart(7)} rows/s  (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB; created ${first.r.created}, lifetime ${first.r.lifetime}, rows with problems ${bad}) — ${first.seconds < GOAL_S ? 'within the goal' : 'OVER THE GOAL'}`)
      if (first.r.created + bad !== rows) throw new Error(`expected ${rows} rows created or refused, got ${first.r.created} + ${bad}`)
      const again = await timed(cloud, file)
      console.log(`  same file again ${again.seconds.toFixed(2).padStart(5)} s  ${Math.round(rows / again.seconds).toLocaleString('en-US').padStart(7)} rows/s  (unchanged ${again.r.unchanged}, written ${again.r.created + again.r.updated})`)
      if (again.r.unchanged !== first.r.created) throw new Error(`expected ${first.r.created} unchanged on re-import, got ${again.r.unchanged}`)
    } finally {
      await cloud.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchImport(Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)).catch((e) => { console.error(e); process.exit(1) })
}
