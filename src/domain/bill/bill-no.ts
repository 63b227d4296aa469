/**
 * The receipt number people read and type (issue 13): the business day and six digits from the
 * bill's id, e.g. `20261122-038471`. Derived, so confirming a bill needs no counter document (one
 * write fewer in the busiest transaction); two bills of a day may share one, and a lookup by
 * number then lists both.
 */
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function fnv1a(text: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, FNV_PRIME) >>> 0
  }
  return h
}

export const billNoOf = (day: string, billId: string): string =>
  `${day.replace(/-/g, '')}-${String(fnv1a(billId) % 1_000_000).padStart(6, '0')}`

/** A typed receipt number, spaces and a missing dash forgiven; null when it is not one. */
export function parseBillNo(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '')
  return /^\d{14}$/.test(digits) ? `${digits.slice(0, 8)}-${digits.slice(8)}` : null
}
