/** The index check on a real embedded store: what it flags and what it lets pass. */
import Database from 'better-sqlite3'
import { filterFields, judgePlan, startQueryPlanCheck, whereClause } from './query-plan-check'
import { SqliteStore } from './sqlite-store'

const eq = (f: string) => `(json_type(data, '$.${f}') = 'text' AND json_extract(data, '$.${f}') = ?)`

test('reads the WHERE clause and its fields from the store\'s SQL', () => {
  const sql = `SELECT id, data FROM "c_users" WHERE ${eq('patientId')} AND id > ? ORDER BY id ASC LIMIT ? OFFSET ?`
  expect(whereClause(sql)).toBe(`${eq('patientId')} AND id > ?`)
  expect(filterFields(whereClause(sql))).toEqual(['_id', 'patientId'])
  expect(whereClause('SELECT COUNT(*) AS n FROM "c_users" WHERE 1')).toBe('1')
})

test('judges plans: index or key fine; a filtered scan or a whole-collection sort flagged', () => {
  const q = `SELECT id, data FROM "c_users" WHERE ${eq('name')} ORDER BY id ASC LIMIT ? OFFSET ?`
  expect(judgePlan(q, ['SCAN c_users'], ['SCAN c_users']).finding?.why).toBe('no index for the filter')
  expect(judgePlan(q, ['SCAN c_users'], ['SEARCH c_users USING INDEX ix_users_name (<expr>=?)']).finding).toBeUndefined() // SQLite preferred key order
  expect(judgePlan(q, ['SCAN c_users USING INDEX ix_users_at'], ['SCAN c_users']).finding?.why).toBe('filter not indexed (walks an index for the order only)')
  expect(judgePlan(q, ['SEARCH c_users USING PRIMARY KEY (id>?)']).finding).toBeUndefined()
  const listing = 'SELECT id, data FROM "c_users" WHERE 1 ORDER BY json_extract(data, \'$.name\') ASC, id ASC LIMIT ? OFFSET ?'
  expect(judgePlan(listing, ['SCAN c_users', 'USE TEMP B-TREE FOR ORDER BY']).finding?.why).toBe('sorts the whole collection')
  expect(judgePlan(listing, ['SCAN c_users USING INDEX ix_users_name', 'USE TEMP B-TREE FOR LAST TERM OF ORDER BY']).finding).toBeUndefined()
})

describe('on a real store', () => {
  const check = startQueryPlanCheck()
  const store = new SqliteStore({ file: ':memory:' })
  afterAll(async () => { await store.close(); check.stop() })

  test('flags a query on a field INDEXES does not declare, and only that', async () => {
    await store.set('users', { _id: 'u1', displayName: '李明', patientId: 'p1' })
    await store.get('users', 'u1')
    await store.query('users', { where: { patientId: 'p1' } }) // declared: ['patientId']
    await store.query('users', { where: { displayName: '李明' } }) // not declared
    await store.count('users', { displayName: '李明' })
    await store.query('users', { orderBy: [['displayName', 'asc']] }) // a listing sorted on it
    const found = check.findings().map((f) => [f.collection, f.fields.join(), f.why])
    expect(found).toEqual([
      ['users', 'displayName', 'no index for the filter'],
      ['users', 'displayName', 'no index for the filter'],
      ['users', '', 'sorts the whole collection'],
    ])
    expect(check.checked.filter((c) => !c.finding).map((c) => c.sql).join('\n')).toContain("json_extract(data, '$.patientId') = ?")
  })

  test('stop puts better-sqlite3 back', () => {
    const patched = Database.prototype.prepare
    const other = startQueryPlanCheck()
    expect(Database.prototype.prepare).not.toBe(patched)
    other.stop()
    expect(Database.prototype.prepare).toBe(patched)
  })
})
