/**
 * Patient import, the writes. Everything was checked before (rows with problems are never written).
 * Rows are written in transactions of BATCH rows for speed; should one of them fail (a record created
 * or changed by someone else meanwhile), that batch is rolled back whole and its rows are written
 * one transaction each, so a bad row still never half-imports and never takes good rows with it.
 */
import { REASON } from '../../../src/domain/import/reasons'
import type { RowProblem } from '../../../src/domain/import/rows'
import type { Policy } from '../../../src/domain/policy'
import { isStoreError, StoreError, type Store, type TxContext } from '../ports/store'
import { C, type PatientDoc } from '../model'
import { importedFields, newPatient, visitInstant, type PlannedRow } from './patient-import-plan'
import { FIRST_MINTED_RECORD_NO } from './patients'
import { withRetry } from './retry'

const BATCH = 50

/**
 * Imported record numbers must never be minted again: the desk mints from counters/recordNo
 * (createPatientInTx, from FIRST_MINTED_RECORD_NO), so move the counter above the largest numeric
 * one, by compare-and-set (a desk registration may take a number at the same moment; whoever loses
 * reads again). Done before any row is written, so no number is minted between write and bump.
 */
export async function reserveRecordNumbers(store: Store, recordNos: readonly string[]): Promise<number | null> {
  let max = -1
  for (const r of recordNos) if (/^\d{1,15}$/.test(r)) max = Math.max(max, Number(r))
  if (max < 0) return null
  const wanted = Math.max(max + 1, FIRST_MINTED_RECORD_NO)
  for (let attempt = 0; attempt < 20; attempt++) {
    const c = await store.get<{ _id: string; next: number }>(C.counters, 'recordNo')
    if (!c) {
      try {
        await store.create(C.counters, { _id: 'recordNo', next: wanted })
        return wanted
      } catch (e) {
        if (isStoreError(e, 'DUPLICATE')) continue
        throw e
      }
    }
    if (c.next > max) return c.next
    if (await store.updateIf(C.counters, 'recordNo', { next: c.next }, { set: { next: max + 1 } })) return max + 1
  }
  throw new StoreError('CONFLICT', 'counters/recordNo kept changing')
}

export interface WriteResult { created: number; updated: number; problems: RowProblem[] }

async function writeRow(tx: TxContext, row: PlannedRow, at: Date, policy: Policy, visitAt: (d: string) => string): Promise<void> {
  if (row.action === 'create') return tx.create(C.patients, newPatient(row.rec, at, policy, visitAt))
  // Spend may have moved since the check (a bill at the desk): the standing is computed from the record as it is now.
  const current = await tx.get<PatientDoc>(C.patients, row.id)
  if (!current || current.recordNo !== row.rec.recordNo) throw new StoreError('NOT_FOUND', `patients/${row.id} changed`)
  await tx.update(C.patients, row.id, { set: importedFields(current, row.rec, at, policy, visitAt) })
}

export async function writeRows(store: Store, rows: readonly PlannedRow[], at: Date, policy: Policy, onProgress?: (done: number, total: number) => void): Promise<WriteResult> {
  const visitAt = visitInstant(policy.timezone)
  const todo = rows.filter((r) => r.action !== 'unchanged')
  const out: WriteResult = { created: 0, updated: 0, problems: [] }
  const count = (r: PlannedRow) => { if (r.action === 'create') out.created++; else out.updated++ }
  const inOne = (batch: readonly PlannedRow[]) => withRetry(() => store.transaction(async (tx) => {
    for (const r of batch) await writeRow(tx, r, at, policy, visitAt)
  }))
  const lostRace = (e: unknown) => isStoreError(e, 'DUPLICATE') || isStoreError(e, 'NOT_FOUND') || (e instanceof Error && 'code' in e && e.code === 'CONFLICT')
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH)
    try {
      await inOne(batch)
      batch.forEach(count)
    } catch (e) {
      if (!lostRace(e)) throw e
      for (const r of batch) {
        try {
          await inOne([r])
          count(r)
        } catch (e2) {
          if (!lostRace(e2)) throw e2
          out.problems.push({ row: r.rec.row, field: 'row', reason: REASON.writeFailed })
        }
      }
    }
    onProgress?.(Math.min(i + BATCH, todo.length), todo.length)
  }
  return out
}
