/**
 * `npm start`: the whole product on one machine — the H5 build of the mini-program (built if
 * stale), the cloud functions and the embedded database with demo data, on one port.
 */
import { join } from 'node:path'
import { LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { createLocalServer } from '../cloudfunctions/_local/server'
import { listenDecision } from '../cloudfunctions/_local/server-guard'
import { demoPersonas } from '../cloudfunctions/_local/demo-data'
import { buildApp, ROOT } from './lib'

async function main() {
  const port = Number(process.env.PORT ?? 8787)
  const host = process.env.YAYOU_LISTEN_HOST ?? '127.0.0.1'
  // Local mode trusts the persona header and offers /api/dev/*: loopback only, unless asked twice.
  const where = listenDecision(host, process.env)
  if (!where.ok) throw new Error(where.message)
  const dataDir = process.env.YAYOU_DATA_DIR ?? join(ROOT, '.data')
  if (process.env.YAYOU_SKIP_BUILD !== '1') buildApp('h5')
  // A fresh database gets the demo chain and four weeks of its desk activity (reports, dashboard, simulator).
  const cloud = await LocalCloud.open({ dataDir, demoHistory: true })
  const server = createLocalServer({ cloud, staticDir: join(ROOT, 'dist-h5'), local: true, allowRemote: where.remote })
  server.listen(port, host, () => {
    if (where.remote) warnRemote(host, port)
    console.log(`\n牙友 Yayou is running (local mode) at http://${host}:${port}/`)
    console.log(`  data: ${dataDir} (delete it, or POST /api/dev/reset, for fresh demo data)`)
    console.log('  personas (pick one in the switcher at the top of the app):')
    for (const p of demoPersonas()) console.log(`    ${p.kind.padEnd(7)} ${p.label}`)
    console.log('  the daily job: `npm run job -- --now 2026-12-01T09:00+08:00` or POST /api/dev/run-daily')
  })
  // N3: like the 10-minute timer on CloudBase, but brisker for a demo: due messages reach the
  // personas' inboxes (R4 "told the same day"; held ones after quiet hours on the local clock).
  const delivery = setInterval(() => { cloud.deliver().catch((e) => console.error('[deliver]', e)) }, 15_000)
  const stop = () => { clearInterval(delivery); server.close(() => cloud.close().then(() => process.exit(0))) }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function warnRemote(host: string, port: number) {
  const bar = '!'.repeat(78)
  console.warn(`\n${bar}\n!! WARNING: local mode is listening on ${host}:${port}, reachable from other machines.`)
  console.warn('!! Anyone who can reach it can act as any demo persona, reset the data and move the clock.')
  console.warn('!! Use it only on a network you trust, for a demo; never with real patient data.')
  console.warn(`${bar}\n`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
