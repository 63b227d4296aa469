/**
 * The store port: only what CloudBase's document database can do, so nothing passes locally that
 * would fail in production.
 * - documents addressed by `_id`; `create` refuses an existing id (this is how idempotency keys bite);
 * - compare-and-set: `updateIf` updates one document only if it still matches, and says whether it did
 *   (CloudBase: `where({ _id, ...expected }).update(patch)` checked by `updated`);
 * - transactions of single-document operations by id (CloudBase `runTransaction`): no queries inside;
 * - queries return at most 1000 documents a page (`limit` above 1000 is refused, as on CloudBase).
 */
export interface Doc { _id: string }

export type Scalar = string | number | boolean | null
export interface Cond { $eq?: Scalar; $ne?: Scalar; $gt?: Scalar; $gte?: Scalar; $lt?: Scalar; $lte?: Scalar; $in?: Scalar[]; $exists?: boolean }
/** Field (dotted paths allowed) → value (equality) or condition. All must hold. */
export type Where = Record<string, Scalar | Cond>

/** `set` replaces fields (undefined removes them); `inc` adds atomically. */
export interface Patch { set?: Record<string, unknown>; inc?: Record<string, number> }

export interface Query {
  where?: Where
  orderBy?: Array<[field: string, dir: 'asc' | 'desc']>
  /** 1..1000; default 100. */
  limit?: number
  skip?: number
}

export const MAX_PAGE = 1000

export interface TxContext {
  get<T extends Doc>(coll: string, id: string): Promise<T | null>
  create<T extends Doc>(coll: string, doc: T): Promise<void>
  set<T extends Doc>(coll: string, doc: T): Promise<void>
  update(coll: string, id: string, patch: Patch): Promise<void>
  delete(coll: string, id: string): Promise<void>
}

export interface Store {
  get<T extends Doc>(coll: string, id: string): Promise<T | null>
  /** Refuses an existing `_id` with StoreError('DUPLICATE'). */
  create<T extends Doc>(coll: string, doc: T): Promise<void>
  set<T extends Doc>(coll: string, doc: T): Promise<void>
  /** Compare-and-set on one document: true when it matched and was updated. */
  updateIf(coll: string, id: string, expected: Where, patch: Patch): Promise<boolean>
  delete(coll: string, id: string): Promise<void>
  query<T extends Doc>(coll: string, q?: Query): Promise<T[]>
  count(coll: string, where?: Where): Promise<number>
  /**
   * Runs `fn` atomically: all its writes land or none do. May throw StoreError('CONFLICT') when
   * another writer touched the same documents; `withRetry` in the use cases retries.
   */
  transaction<R>(fn: (tx: TxContext) => Promise<R>): Promise<R>
  close?(): Promise<void>
}

export type StoreErrorCode = 'DUPLICATE' | 'CONFLICT' | 'NOT_FOUND' | 'LIMIT' | 'BAD_QUERY'

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string) {
    super(`${code}: ${message}`)
    this.name = 'StoreError'
  }
}

export const isStoreError = (e: unknown, code?: StoreErrorCode): e is StoreError =>
  e instanceof StoreError && (code === undefined || e.code === code)

/** Collections and the fields queried on them: CloudBase indexes, and SQLite expression indexes. */
export const INDEXES: Record<string, string[][]> = {
  users: [['patientId'], ['staffId']],
  patients: [['recordNo'], ['phone'], ['phoneTail'], ['familyOwnerId'], ['clinicId'], ['tier', 'annualUntil'], ['birthdayMd'], ['referralCode'], ['clinicId', 'tier', 'annualUntil']],
  staff: [['openid'], ['role', 'active'], ['clinicId']],
  staffInvites: [['staffId', 'status']],
  staffAudit: [['staffId', 'at'], ['at']],
  bills: [['patientId', 'at'], ['clinicId', 'day'], ['day'], ['referralId', 'at'], ['at'], ['billNo']],
  refunds: [['billId', 'at'], ['clinicId', 'day']],
  dayCloses: [['clinicId', 'day']],
  ledger: [['accountId', 'at'], ['patientId', 'at'], ['kind', 'at']],
  referrals: [['referrerPatientId', 'status'], ['friendPatientId'], ['friendPhone'], ['partnerId'], ['status', 'lockedAt'], ['at']],
  referrerTotals: [['validReferrals', 'referredRevenueFen']],
  coupons: [['friendOpenid'], ['status', 'expiresAt'], ['referralId'], ['issuedAt']],
  payouts: [['status', 'createdAt'], ['day'], ['referrerPatientId'], ['createdAt'], ['partnerId']],
  ratings: [['patientId', 'at']],
  tasks: [['status', 'createdAt']],
  partners: [['openid'], ['code'], ['createdAt']],
  outbox: [['status', 'notBefore'], ['createdAt'], ['to.patientId'], ['to.openid'], ['status', 'createdAt']],
  inbox: [['openid', 'at']],
  birthdayGifts: [['month', 'birthday']],
  events: [['date'], ['inviteAt']],
  appointments: [['openid', 'createdAt'], ['clinicId', 'status', 'preferredDate'], ['clinicId', 'updatedAt'], ['status', 'preferredDate'], ['updatedAt']],
  eventRsvps: [['eventId', 'answer'], ['patientId']],
  accounts: [['ownerId']],
  balanceRequests: [['ownerId', 'status']],
  friendCards: [['giverPatientId', 'issuedAt'], ['friendOpenid'], ['shareToken'], ['status', 'expiresAt'], ['friendPatientId'], ['status', 'issuedAt'], ['status', 'claimedAt'], ['issuedAt'], ['status', 'faceValueFen'], ['status', 'balanceFen', 'expiresAt']],
  shortCodes: [['expiresAt']],
  priceItems: [['nameKey']],
  policyVersions: [['version']],
}
