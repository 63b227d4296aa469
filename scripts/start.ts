/**
 * `npm start`: the whole product on one machine — the H5 build of the mini-program (built if
 * stale), the cloud functions and the embedded database with demo data, on one port.
 */
import { join } from 'node:path'
import { LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { createLocalServer } from '../cloudfunctions/_local/server'
import { demoPersonas } from '../cloudfunctions/_local/demo-data'
import { buildApp, ROOT } from './lib'

async function main() {
  const port = Number(process.env.PORT ?? 8787)
  const host = process.env.HOST ?? '127.0.0.1'
  const dataDir = process.env.YAYOU_DATA_DIR ?? join(ROOT, '.data')
  if (process.env.YAYOU_SKIP_BUILD !== '1') buildApp('h5')
  const cloud = await LocalCloud.open({ dataDir })
  const server = createLocalServer({ cloud, staticDir: join(ROOT, 'dist-h5'), local: true })
  server.listen(port, host, () => {
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

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
