/**
 * Issue 11, round trips: one request reads each document once. On CloudBase every store call is a
 * network round trip, and a request's layers (the caller's persona, the use case, the context it
 * loads) would otherwise read the same user, patient or policy two or three times.
 *
 * The memo holds single-document reads made outside transactions for the life of one request only:
 * such reads were never a consistent snapshot anyway, and the request sees its own writes — a write
 * through it forgets that document, and a transaction (whose writes it cannot see) forgets them all.
 * Each read hands out its own copy, so a use case that edits a loaded document edits only its copy.
 */
import type { Doc, Store } from '../ports/store'

const ROOT = Symbol('yayou.rootStore')

/** The store a request-scoped store reads through (the store itself otherwise): the key for caches that outlive a request. */
export function rootStore(store: Store): Store {
  return (store as Store & { [ROOT]?: Store })[ROOT] ?? store
}

export function requestStore(inner: Store): Store {
  const memo = new Map<string, Promise<Doc | null>>()
  const key = (c: string, id: string) => `${c}\u0000${id}`
  const forget = <R>(c: string, id: string, write: Promise<R>): Promise<R> => {
    memo.delete(key(c, id))
    return write.finally(() => memo.delete(key(c, id)))
  }
  const scoped: Store & { [ROOT]: Store } = {
    [ROOT]: rootStore(inner),
    get: <T extends Doc>(c: string, id: string): Promise<T | null> => {
      let read = memo.get(key(c, id))
      if (!read) {
        read = inner.get<Doc>(c, id)
        memo.set(key(c, id), read)
        read.catch(() => memo.delete(key(c, id))) // a failed read is tried again
      }
      return read.then((d) => (d === null ? null : (structuredClone(d) as T)))
    },
    create: (c, d) => forget(c, d._id, inner.create(c, d)),
    set: (c, d) => forget(c, d._id, inner.set(c, d)),
    updateIf: (c, id, e, p) => forget(c, id, inner.updateIf(c, id, e, p)),
    delete: (c, id) => forget(c, id, inner.delete(c, id)),
    query: (c, q) => inner.query(c, q),
    count: (c, w) => inner.count(c, w),
    transaction: (fn) => {
      memo.clear()
      return inner.transaction(fn).finally(() => memo.clear())
    },
    close: () => inner.close?.() ?? Promise.resolve(),
  }
  return scoped
}
