/**
 * Issue 11, round trips: on CloudBase every store call is a network round trip, so `npm run bench`
 * counts them per request-path action on the embedded store (a counting proxy over the same port).
 * "before" is what a request does outside its transaction; "in tx" the single-document operations of
 * its transaction (each one a round trip on CloudBase too). Goal: ≤ 4 calls before a confirm's
 * transaction and ≤ 4 for other request-path actions.
 */
import { LocalClock, LocalCloud } from '../cloudfunctions/_local/local-cloud'
import type { Store, TxContext } from '../cloudfunctions/_core/ports/store'
import type { MemberCode, ScannedPatient } from '../src/api/contract'
import { currentPolicy } from '../cloudfunctions/_core/deps'

interface Tally { outside: number; inTx: number; txs: number }

/** Wraps a store so that every call is counted; the wrapped store does the work unchanged. */
export function countingStore(inner: Store, t: Tally): Store {
  const txCounting = (tx: TxContext): TxContext => ({
    get: (c, id) => { t.inTx++; return tx.get(c, id) },
    create: (c, d) => { t.inTx++; return tx.create(c, d) },
    set: (c, d) => { t.inTx++; return tx.set(c, d) },
    update: (c, id, p) => { t.inTx++; return tx.update(c, id, p) },
    delete: (c, id) => { t.inTx++; return tx.delete(c, id) },
  })
  return {
    get: (c, id) => { t.outside++; return inner.get(c, id) },
    create: (c, d) => { t.outside++; return inner.create(c, d) },
    set: (c, d) => { t.outside++; return inner.set(c, d) },
    updateIf: (c, id, e, p) => { t.outside++; return inner.updateIf(c, id, e, p) },
    delete: (c, id) => { t.outside++; return inner.delete(c, id) },
    query: (c, q) => { t.outside++; return inner.query(c, q) },
    count: (c, w) => { t.outside++; return inner.count(c, w) },
    transaction: (fn) => { t.txs++; return inner.transaction((tx) => fn(txCounting(tx))) },
    close: () => inner.close?.() ?? Promise.resolve(),
  }
}

export async function benchRoundTrips(): Promise<void> {
  console.log('\nstore round trips per action (each is a network call on CloudBase; goal ≤ 4 before a transaction)')
  const clock = new LocalClock()
  clock.pin(new Date('2026-11-22T02:00:00Z'))
  const cloud = await LocalCloud.open({ dataDir: ':memory:', clock, qrSecret: 'r'.repeat(64) })
  const tally: Tally = { outside: 0, inTx: 0, txs: 0 }
  const real = cloud.deps.store
  cloud.deps.store = countingStore(real, tally)
  // A warm instance: the policy is cached per store (deps.ts), read once when an instance starts.
  await currentPolicy(cloud.deps.store)
  console.log('  (a warm instance: the policy was read once before these; a cold one reads it on its first request)')
  const measure = async (label: string, run: () => Promise<unknown>) => {
    Object.assign(tally, { outside: 0, inTx: 0, txs: 0 })
    const r = await run() as { ok?: boolean; error?: { code: string } }
    const verdict = r && r.ok === false ? `  (refused: ${r.error?.code})` : ''
    console.log(`  ${label.padEnd(40)} ${String(tally.outside).padStart(4)} before  ${String(tally.inTx).padStart(4)} in ${tally.txs} tx${verdict}`)
    return r
  }
  const desk = 'demo-staff-receptionist'
  const items = [{ itemId: 'pi_demo_extraction' }] // 拔牙 ¥300 from the demo price list (issue 13: the desk bills catalogue items)
  const mc = await measure('member.code', () => cloud.call('member', { action: 'code' }, 'demo-patient-bonus')) as { data: MemberCode }
  const scanned = await measure('reception.scan (member code)', () => cloud.call('reception', { action: 'scan', code: mc.data.token }, desk)) as { data: ScannedPatient }
  const bill = { patientId: 'pat_bonus', items, useBonusFen: 1_000, payerTicket: scanned.data.payerTicket }
  await measure('reception.previewBill', () => cloud.call('reception', { action: 'previewBill', ...bill }, desk))
  await measure('reception.confirmBill', () => cloud.call('reception', { action: 'confirmBill', ...bill, requestId: 'rt-bill-0001', expectedDueFen: 29_000 }, desk))
  await measure('reception.confirmBill (a retry)', () => cloud.call('reception', { action: 'confirmBill', ...bill, requestId: 'rt-bill-0001', expectedDueFen: 29_000 }, desk))
  await measure('member.home', () => cloud.call('member', { action: 'home' }, 'demo-patient-bonus'))
  await measure('friendcard.offer', () => cloud.call('friendcard', { action: 'offer', token: 'demo-share-token-new-card-0001' }, 'rt-friend'))
  const claim = await measure('friendcard.claim', () => cloud.call('friendcard', { action: 'claim', token: 'demo-share-token-new-card-0001' }, 'rt-friend')) as { data: { cardId: string } }
  await measure('friendcard.code', () => cloud.call('friendcard', { action: 'code', cardId: claim.data.cardId }, 'rt-friend'))
  await measure('referral.offer (a new WeChat user)', () => cloud.call('referral', { action: 'offer', code: 'DKH87NJG' }, 'rt-friend-2'))
  await measure('referral.offer (a known patient)', () => cloud.call('referral', { action: 'offer', code: 'DKH87NJG' }, 'demo-patient-bonus'))
  // R2: the friend's first visit, from the coupon to the paid bill.
  await measure('referral.takeCoupon', () => cloud.call('referral', { action: 'takeCoupon', code: 'DKH87NJG' }, 'rt-friend-2'))
  const [coupon] = (await cloud.call('referral', { action: 'coupons' }, 'rt-friend-2') as { data: Array<{ couponId: string }> }).data
  const qr = (await cloud.call('referral', { action: 'couponCode', couponId: coupon.couponId }, 'rt-friend-2') as { data: { token: string } }).data
  const sc = await measure('reception.scan (coupon)', () => cloud.call('reception', { action: 'scan', code: qr.token }, desk)) as { data: { ticket: string } }
  const reg = await measure('reception.register (coupon holder)', () => cloud.call('reception', { action: 'register', ticket: sc.data.ticket, name: '小美', phone: '13600001234' }, desk)) as { data: { patientId: string } }
  const first = { patientId: reg.data.patientId, items, couponTicket: sc.data.ticket }
  const pv = await measure('reception.previewBill (first visit)', () => cloud.call('reception', { action: 'previewBill', ...first }, desk)) as { data: { totals: { dueFen: number } } }
  await measure('reception.confirmBill (first visit)', () => cloud.call('reception', { action: 'confirmBill', ...first, requestId: 'rt-bill-0002', expectedDueFen: pv.data.totals.dueFen }, desk))
  clock.pin(new Date('2026-12-01T01:00:00Z'))
  Object.assign(tally, { outside: 0, inTx: 0, txs: 0 })
  const daily = await cloud.runDaily()
  const s = daily.ok ? daily.data : null
  const items2 = s ? s.annualLapsed + s.couponsExpired + s.cardsExpired + s.giftsListed + Object.values(s.queued).reduce((a, b) => a + b, 0) : 0
  console.log(`  ${'daily job (demo chain)'.padEnd(40)} ${String(tally.outside).padStart(4)} before  ${String(tally.inTx).padStart(4)} in ${tally.txs} tx  for ${items2} items (${items2 ? ((tally.outside + tally.inTx) / items2).toFixed(1) : '—'} calls/item)`)
  cloud.deps.store = real
  await cloud.close()
}

if (require.main === module) void benchRoundTrips()
