/** What the desk typed, read as one bill criterion (issue 13): a receipt number, a day, a phone tail or a record number. */
import type { BillQuery } from '../../api/bills'
import { parseBillNo } from '../../domain/bill/bill-no'

export function readBillQuery(text: string): BillQuery | null {
  const q = text.trim()
  if (!q) return null
  if (parseBillNo(q)) return { billNo: q }
  if (/^\d{4}-\d{2}-\d{2}$/.test(q)) return { day: q }
  if (/^\d{4}$/.test(q)) return { phoneTail: q }
  if (/^[A-Za-z0-9-]{1,20}$/.test(q)) return { recordNo: q }
  return null
}
