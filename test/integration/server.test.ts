/** The local cloud over HTTP, as the H5 app and `npm start` use it. */
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Server } from 'node:http'
import { createLocalServer } from '../../cloudfunctions/_local/server'
import type { LocalCloud } from '../../cloudfunctions/_local/local-cloud'
import { data, LIFETIME, openCloud, RECEPTION } from './helpers'

async function serve(cloud: LocalCloud, local: boolean): Promise<{ server: Server; url: string }> {
  const server = createLocalServer({ cloud, local })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const post = (url: string, body: string, openid?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-yayou-openid': openid } : {}) }, body })

describe('local mode', () => {
  let cloud: LocalCloud
  let server: Server
  let url: string
  beforeAll(async () => { cloud = await openCloud(); ({ server, url } = await serve(cloud, true)) })
  afterAll(async () => { server.close(); await cloud.close() })

  test('POST /api/fn/<name> takes the event as the body and the caller from x-yayou-openid', async () => {
    const r = await post(`${url}/api/fn/identity`, JSON.stringify({ action: 'whoami' }), LIFETIME)
    expect(r.status).toBe(200)
    expect(data(await r.json())).toMatchObject({ openid: LIFETIME, persona: { kind: 'patient', name: '李明' } })
  })

  test('non-JSON is a 400 with a typed error; an unknown function a 200 with ok:false', async () => {
    const bad = await post(`${url}/api/fn/reception`, '{"action":', RECEPTION)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: { zh: expect.any(String), en: expect.any(String) } } })
    const unknown = await post(`${url}/api/fn/nope`, '{"action":"x"}', RECEPTION)
    expect(unknown.status).toBe(200)
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
  })

  test('dev endpoints: personas, clock, reset, daily', async () => {
    // As the app asks (src/services/persona.ts): JSON content type, this machine (hardening in server-hardening.test.ts).
    const personas = data(await (await fetch(`${url}/api/dev/personas`, { headers: { 'content-type': 'application/json' } })).json()) as { kind: string }[]
    expect(new Set(personas.map((p) => p.kind))).toEqual(new Set(['member', 'friend', 'staff']))

    const moved = data(await (await post(`${url}/api/dev/clock`, JSON.stringify({ advanceDays: 30 }))).json()) as { now: string }
    expect(Date.parse(moved.now) - Date.parse('2026-11-22T02:00:00Z')).toBe(30 * 86_400_000)
    // 刘洋's annual membership ends 20 days after the demo start, 何敏's ended before it (M7).
    const daily = data(await (await post(`${url}/api/dev/run-daily`, '{}')).json()) as { annualLapsed: number }
    expect(daily.annualLapsed).toBe(2)
    const again = data(await (await post(`${url}/api/dev/run-daily`, '{}')).json()) as { annualLapsed: number }
    expect(again.annualLapsed).toBe(0) // idempotent
    // N3: the delivery pass the 10-minute timer runs; the daily run above already delivered all due.
    const delivered = data(await (await post(`${url}/api/dev/deliver`, '{}')).json()) as { sent: number; skipped: number }
    expect(delivered).toMatchObject({ sent: 0, skipped: 0 })

    await post(`${url}/api/dev/reset`, '{}')
    const p = await cloud.store.get<{ _id: string; tier: string }>('patients', 'pat_annual_lapsing')
    expect(p!.tier).toBe('annual')
  })
})

test('outside local mode the dev endpoints are refused and the header is not trusted', async () => {
  const cloud = await openCloud()
  const { server, url } = await serve(cloud, false)
  try {
    const r = await post(`${url}/api/dev/reset`, '{}')
    expect(r.status).toBe(403)
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'NOT_LOCAL' } })
    const who = await (await post(`${url}/api/fn/identity`, '{"action":"whoami"}', LIFETIME)).json()
    expect(who).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  } finally {
    server.close()
    await cloud.close()
  }
})

test('data survives a restart of the local cloud (persisted under the data folder)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yayou-'))
  try {
    const first = await openCloud(dir)
    data(await first.call('reception', { action: 'confirmBill', patientId: 'pat_plain', items: [{ itemId: 'pi_demo_extraction' }], requestId: 'restart-0001', expectedDueFen: 30_000 }, RECEPTION))
    await first.close()
    const second = await openCloud(dir)
    const p = await second.store.get<{ _id: string; cumulativeSpendFen: number }>('patients', 'pat_plain')
    expect(p!.cumulativeSpendFen).toBe(45_000 + 30_000) // not reloaded from demo data
    await second.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
