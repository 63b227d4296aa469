/** Argument checks shared by the CloudBase store and its transaction context. */
import { StoreError, type Doc } from '../../ports/store'

/** CloudBase collection names: letters, digits, `_`, `-`, `.`; kept to the embedded store's rule. */
const COLLECTION = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

export function checkCollection(name: string): void {
  if (typeof name !== 'string' || !COLLECTION.test(name)) throw new StoreError('BAD_QUERY', `bad collection name ${JSON.stringify(name)}`)
}

export function checkId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) throw new StoreError('BAD_QUERY', 'a document id must be a non-empty string')
}

export function checkDoc(doc: Doc): void {
  if (!doc || typeof doc !== 'object') throw new StoreError('BAD_QUERY', 'document must be an object')
  checkId(doc._id)
}
