import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { whereSql } from '../cloudfunctions/_core/adapters/embedded/sql'
void (async () => {
  const clock = new LocalClock(); clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'b'.repeat(64) })
  const s: any = cloud.deps.store
  const db = s.db
  const tm = (l: string, n: number, f: () => unknown) => { const t0 = process.hrtime.bigint(); for (let i = 0; i < n; i++) f(); console.log(l.padEnd(40), (Number(process.hrtime.bigint() - t0) / 1000 / n).toFixed(1)) }
  const w = whereSql({ patientId: 'pat_plain' })
  const st = db.prepare(`SELECT id, data FROM "c_users" WHERE ${w.sql} ORDER BY id ASC LIMIT ? OFFSET ?`)
  tm('raw users query', 20000, () => st.all(...w.params, 20, 0))
  const st2 = db.prepare(`SELECT id, data FROM "c_users" WHERE ${w.sql} LIMIT ?`)
  tm('raw users query no order', 20000, () => st2.all(...w.params, 20))
  const st3 = db.prepare(`SELECT id, data FROM "c_users" WHERE json_extract(data, '$.patientId') = ? ORDER BY id LIMIT ?`)
  tm('raw users query no json_type', 20000, () => st3.all('pat_plain', 20))
  tm('whereSql', 20000, () => whereSql({ patientId: 'pat_plain' }))
  console.log(db.prepare(`EXPLAIN QUERY PLAN SELECT id, data FROM "c_users" WHERE ${w.sql} ORDER BY id ASC LIMIT ? OFFSET ?`).all(...w.params, 20, 0).map((r: any) => r.detail))

  const w2 = whereSql({ _id: { $in: ['ref_pat_pat_plain', 'ref_wx_x'] } })
  const st4 = db.prepare(`SELECT id, data FROM "c_referrals" WHERE ${w2.sql} ORDER BY id ASC LIMIT ? OFFSET ?`)
  tm('raw referrals $in', 20000, () => st4.all(...w2.params, 2, 0))
  let t = process.hrtime.bigint(); for (let i = 0; i < 5000; i++) await s.query('users', { where: { patientId: 'pat_plain' }, limit: 20 }); console.log('store.query users', Number(process.hrtime.bigint() - t) / 1000 / 5000)
  t = process.hrtime.bigint(); for (let i = 0; i < 5000; i++) await s.get('users', 'x'); console.log('store.get', Number(process.hrtime.bigint() - t) / 1000 / 5000)
  const g = db.prepare('SELECT data FROM c_users WHERE id = ?'); tm('raw get', 20000, () => g.get('x'))
  t = process.hrtime.bigint(); for (let i = 0; i < 5000; i++) await Promise.resolve().then(() => g.get('x')); console.log('raw get + 1 promise hop', Number(process.hrtime.bigint() - t) / 1000 / 5000)
  await cloud.close()
})()
