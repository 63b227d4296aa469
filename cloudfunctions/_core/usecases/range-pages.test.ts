import { openSqliteStore } from '../adapters/embedded/sqlite-store'
import type { Where } from '../ports/store'
import { allInRange, rangePages, rankPages } from './range-pages'

/** Issue 14: range paging returns every matching row exactly once, in key order, ties included. */
describe('rangePages', () => {
  const store = openSqliteStore({ file: ':memory:' })
  // 23 bills, keys with long runs of ties (a run of 7 is longer than a page of 3), two clinics.
  const keys = ['a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'c', 'd', 'd', 'e', 'f', 'f', 'f', 'g', 'h', 'i', 'j', 'j', 'k', 'l', 'm']
  beforeAll(async () => {
    for (const [i, at] of keys.entries()) await store.set('bills', { _id: `b${String(100 - i)}`, at, clinicId: i % 3 ? 'sh' : 'hz' })
  })
  afterAll(() => store.close())

  const walk = async (where: Where, dir: 'asc' | 'desc', size: number) => {
    const got: Array<{ _id: string; at: string }> = []
    for await (const page of rangePages<{ _id: string; at: string }>(store, 'bills', { where, key: 'at', dir }, size)) {
      expect(page.length).toBeGreaterThan(0)
      got.push(...page)
    }
    return got
  }

  it.each([1, 2, 3, 4, 7, 1000])('ascending in pages of %i: every row once, in order', async (size) => {
    const got = await walk({}, 'asc', size)
    expect(got.map((d) => d.at)).toEqual(keys)
    expect(new Set(got.map((d) => d._id)).size).toBe(keys.length)
  })

  it.each([1, 3, 5])('descending within a range in pages of %i', async (size) => {
    const got = await walk({ at: { $gte: 'b', $lt: 'k' } }, 'desc', size)
    expect(got.map((d) => d.at)).toEqual(keys.filter((k) => k >= 'b' && k < 'k').reverse())
    expect(new Set(got.map((d) => d._id)).size).toBe(got.length)
  })

  it('pages on a key the filter already names ($in, as the F7 friends\' bills)', async () => {
    const got: Array<{ _id: string; at: string; clinicId: string }> = []
    for await (const page of rangePages<{ _id: string; at: string; clinicId: string }>(store, 'bills', { where: { at: { $in: ['b', 'f', 'j'] } }, key: 'at', dir: 'asc' }, 2)) got.push(...page)
    expect(got.map((d) => d.at)).toEqual(keys.filter((k) => ['b', 'f', 'j'].includes(k)))
    expect(new Set(got.map((d) => d._id)).size).toBe(got.length)
  })

  it('keeps the other conditions (a clinic filter)', async () => {
    const got = await allInRange<{ _id: string; at: string; clinicId: string }>(store, 'bills', { where: { clinicId: 'hz' }, key: 'at', dir: 'asc' })
    expect(got.map((d) => d.at)).toEqual(keys.filter((_, i) => i % 3 === 0))
  })
})

/** R8 rankings: keyset pages on two keys and the id, every row once in the exact leaderboard order. */
describe('rankPages', () => {
  const store = openSqliteStore({ file: ':memory:' })
  type T = { _id: string; validReferrals: number; referredRevenueFen: number }
  const rows: T[] = Array.from({ length: 40 }, (_, i) => ({ _id: `p${String(i).padStart(2, '0')}`, validReferrals: i % 4, referredRevenueFen: (i % 3) * 1000 }))
  beforeAll(async () => { for (const r of rows) await store.set('referrerTotals', r) })
  afterAll(() => store.close())

  it.each([1, 2, 5, 7, 100])('in pages of %i: ties broken by revenue, then id, all descending', async (size) => {
    const got: T[] = []
    for await (const page of rankPages<T>(store, 'referrerTotals', { validReferrals: { $gt: 0 } }, ['validReferrals', 'referredRevenueFen'], size)) got.push(...page)
    const want = rows.filter((r) => r.validReferrals > 0).sort((a, b) => b.validReferrals - a.validReferrals || b.referredRevenueFen - a.referredRevenueFen || (a._id < b._id ? 1 : -1))
    expect(got.map((r) => r._id)).toEqual(want.map((r) => r._id))
  })
})
