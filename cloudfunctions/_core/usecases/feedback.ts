/**
 * Q1, R7: after a payment the patient rates the visit. Promoters are invited to refer; detractors
 * create a follow-up task for staff and are not asked (seeds 001, 002). Reception sees prompts.
 */
import type { FollowUpTask, Prompt, RatingResult } from '../../../src/api/contract'
import { DomainError } from '../../../src/domain/errors'
import { sentimentOf } from '../../../src/domain/referral/satisfaction'
import { deskPrompts } from '../../../src/domain/referral/prompts'
import { isStoreError } from '../ports/store'
import type { Deps } from '../deps'
import { C, type BillDoc, type FriendCardDoc, type PatientDoc, type RatingDoc, type TaskDoc } from '../model'
import { clinicLookups, inScope, staffScope, type ScopedStaff } from './team-scope'
import { withRetry } from './retry'

/** A rating older than this no longer prompts staff to ask. */

export async function rate(deps: Deps, patientId: string, billId: string, score: number, comment?: string): Promise<RatingResult> {
  const bill = await deps.store.get<BillDoc>(C.bills, billId)
  if (!bill || bill.patientId !== patientId) throw new DomainError('NOT_FOUND')
  const sentiment = sentimentOf(score)
  const at = deps.clock.now().toISOString()
  try {
    await withRetry(() => deps.store.transaction(async (tx) => {
      await tx.create<RatingDoc>(C.ratings, { _id: billId, patientId, score, sentiment, comment, at })
      await tx.update(C.patients, patientId, { set: { lastRating: { sentiment, at } } })
      if (sentiment === 'detractor') {
        await tx.create<TaskDoc>(C.tasks, { _id: `task_${billId}`, kind: 'follow_up', patientId, billId, score, comment, status: 'open', createdAt: at, clinicId: bill.clinicId })
      }
    }))
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) throw new DomainError('RATING_DONE')
    throw e
  }
  return { sentiment, askToRefer: sentiment === 'promoter', followUpTaskId: sentiment === 'detractor' ? `task_${billId}` : undefined }
}

/** Clinic scoping: the follow-ups of the staff member's clinic (the clinic that billed the rated visit). */
export async function tasks(deps: Deps, staff: ScopedStaff): Promise<FollowUpTask[]> {
  const scope = await staffScope(deps, staff)
  const clinicOf = clinicLookups(deps).ofBilled
  const list = await deps.store.query<TaskDoc>(C.tasks, { where: { status: 'open' }, orderBy: [['createdAt', 'desc']], limit: 1000 })
  const out: FollowUpTask[] = []
  for (const t of list) {
    if (out.length >= 200) break
    if (!inScope(scope, await clinicOf(t))) continue
    const p = await deps.store.get<PatientDoc>(C.patients, t.patientId)
    out.push({ taskId: t._id, patientName: p?.name ?? '', billId: t.billId, score: t.score, comment: t.comment, status: t.status, createdAt: t.createdAt })
  }
  return out
}

export async function closeTask(deps: Deps, staff: ScopedStaff, taskId: string, note: string): Promise<FollowUpTask> {
  const staffId = staff.staffId
  const at = deps.clock.now().toISOString()
  const task = await deps.store.get<TaskDoc>(C.tasks, taskId)
  // Another clinic's task is as good as absent (nothing written).
  if (!task || !inScope(await staffScope(deps, staff), await clinicLookups(deps).ofBilled(task))) throw new DomainError('NOT_FOUND')
  if (!(await deps.store.updateIf(C.tasks, taskId, { status: 'open' }, { set: { status: 'done', closedAt: at, note, closedBy: staffId } }))) throw new DomainError('NOT_FOUND')
  const t = (await deps.store.get<TaskDoc>(C.tasks, taskId))!
  const p = await deps.store.get<PatientDoc>(C.patients, t.patientId)
  return { taskId, patientName: p?.name ?? '', billId: t.billId, score: t.score, comment: t.comment, status: t.status, createdAt: t.createdAt }
}

/** R7 (seed 003 step 10): what reception is prompted to ask when this patient is at the desk (rule: domain/referral/prompts.ts). */
export async function promptsFor(deps: Deps, p: PatientDoc, bonusFen: number): Promise<Prompt[]> {
  const now = deps.clock.now()
  if (p.lastRating?.sentiment === 'detractor') return deskPrompts({ now, lastRating: p.lastRating, bonusFen, returning: true })
  const unsent = await deps.store.query<FriendCardDoc>(C.friendCards, { where: { giverPatientId: p._id, status: 'issued' }, limit: 1 })
  // The visits are counted only when the patient's own record cannot already tell (issue 11: round trips).
  const returning = p.cumulativeSpendFen > 0 || bonusFen > 0
    || (await deps.store.query<BillDoc>(C.bills, { where: { patientId: p._id }, limit: 2 })).length >= 2
  return deskPrompts({ now, lastRating: p.lastRating, unsentCard: unsent.length > 0, bonusFen, returning })
}
