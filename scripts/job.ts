/**
 * `npm run job -- --now 2026-12-01T09:00+08:00`: the daily job (N1) against the local database
 * (`YAYOU_DATA_DIR`, default .data/, the same one `npm start` uses), with a progress bar and a
 * summary of what was expired, queued, sent and deferred. Options:
 *   --now ISO        the instant the job runs at (default: now); times in messages follow it
 *   --timer          as CloudBase's 10-minute timer: open the day's window only at or after 09:00
 *                    clinic time if none has yet; otherwise finish a stopped run and deliver
 *   --resume-only    only finish a stopped run and deliver due messages; open no window
 *   --stop-after N   stop after N documents, as the cloud function does at its time limit
 */
import { join } from 'node:path'
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import type { DailySummary } from '../cloudfunctions/_core/usecases/daily'
import { ROOT } from './lib'

interface JobArgs { now?: Date; opens: 'always' | 'when-due' | 'never'; stopAfter?: number }

function args(argv: string[]): JobArgs {
  const out: JobArgs = { opens: 'always' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--now') {
      out.now = new Date(argv[++i] ?? '')
      if (Number.isNaN(out.now.getTime())) throw new Error(`--now needs an ISO 8601 instant such as 2026-12-01T09:00+08:00, got ${JSON.stringify(argv[i])}`)
    } else if (a === '--resume-only') out.opens = 'never'
    else if (a === '--timer') out.opens = 'when-due'
    else if (a === '--stop-after') {
      out.stopAfter = Number(argv[++i])
      if (!Number.isInteger(out.stopAfter) || out.stopAfter < 0) throw new Error('--stop-after needs a whole number')
    } else throw new Error(`unknown option ${a} (see scripts/job.ts)`)
  }
  return out
}

function bar(index: number, steps: number, step: string, handled: number): string {
  const width = 24
  const full = Math.round((width * index) / steps)
  return `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${index + 1}/${steps} ${step.padEnd(12)} ${handled.toLocaleString('en-US')} handled`
}

export function summaryTable(s: DailySummary): string {
  const rows: Array<[string, string | number]> = [
    ['job ran at', s.now],
    ...s.windows.map((w, i): [string, string] => [`window ${i + 1}`, `${w.from ?? '(first run)'} → ${w.to}${w.resumed ? ' (resumed)' : ''}${w.complete ? '' : ' — stopped, will resume'}`]),
    ['annual memberships lapsed (M7)', s.annualLapsed],
    ['first-visit coupons expired (R2)', s.couponsExpired],
    ['friend cards expired (F5)', s.cardsExpired],
    ...Object.entries(s.queued).sort().map(([t, n]): [string, number] => [`queued: ${t}`, n]),
    ['birthday gifts listed (N2)', s.giftsListed],
    ['sent (N3)', s.delivery.sent],
    ['deferred to the morning (quiet hours)', s.delivery.deferred],
    ['failed, will retry', s.delivery.failed],
    ['skipped (no consent / no WeChat)', s.delivery.skipped],
    ['dead (gave up)', s.delivery.dead],
    ['complete', s.busy ? 'no — another run holds the lease' : s.complete ? 'yes' : 'no — run again to continue'],
  ]
  const w = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n')
}

async function main() {
  const o = args(process.argv.slice(2))
  const clock = new LocalClock()
  if (o.now) clock.pin(o.now)
  const dataDir = process.env.YAYOU_DATA_DIR ?? join(ROOT, '.data')
  const cloud = await LocalCloud.open({ dataDir, clock })
  const tty = process.stderr.isTTY
  let lastStep = -1
  let budget = o.stopAfter ?? Infinity
  try {
    const r = await cloud.runDaily({
      opens: o.opens,
      stop: () => budget-- <= 0,
      onProgress: ({ step, index, steps, handled }) => {
        if (tty) process.stderr.write(`\r${bar(index, steps, step, handled)}`)
        else if (index !== lastStep) process.stderr.write(`${bar(index, steps, step, handled)}\n`)
        lastStep = index
      },
    })
    if (tty) process.stderr.write('\n')
    if (!r.ok) throw new Error(r.error.message.en)
    console.log(`\ndaily job on ${dataDir}\n${summaryTable(r.data)}`)
  } finally {
    await cloud.close()
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
