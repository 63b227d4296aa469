/**
 * The part of `@cloudbase/node-sdk` the CloudBase store uses (structural, so a stub can stand in
 * for it in unit tests), and how its answers are read.
 */
import type { Doc } from '../../ports/store'
import type { DbCommand } from './translate'

export type Result = Record<string, unknown>

export interface CbDocRef {
  get(): Promise<unknown>
  set(data: object): Promise<unknown>
  update(data: object): Promise<unknown>
  remove(): Promise<unknown>
}

export interface CbQuery {
  where(query: object): CbQuery
  orderBy(field: string, dir: 'asc' | 'desc'): CbQuery
  skip(n: number): CbQuery
  limit(n: number): CbQuery
  get(): Promise<unknown>
  count(): Promise<unknown>
  update(data: object): Promise<unknown>
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocRef
  add(data: object): Promise<unknown>
}

export interface CbTransaction {
  collection(name: string): CbCollection
}

export interface CbDb {
  command: DbCommand
  collection(name: string): CbCollection
  createCollection(name: string): Promise<unknown>
  runTransaction<R>(fn: (t: CbTransaction) => Promise<R>, times?: number): Promise<R>
}

/** An initialised `tcb.init(...)` app (only `database()` is used). */
export interface CbApp {
  database(): unknown
}

export const isCommand = (v: unknown): boolean => typeof v === 'object' && v !== null && '_internalType' in v

/** `doc().get()` answers `data: [doc]` outside a transaction and `data: doc | null` inside one. */
export function firstDoc<T extends Doc>(data: unknown, id: string): T | null {
  const d = Array.isArray(data) ? data[0] : data
  if (!d || typeof d !== 'object') return null
  return { ...(d as object), _id: id } as T
}
