/**
 * The bill's lines at the desk and the price list they are picked from (issue 13 item 1; M2, F4).
 * The active list is loaded once per desk (the existing `records.priceList` action) and searched on
 * the device (name or pinyin initials), so picking an item costs no round trip. The lines live in the
 * desk's state machine (machine.ts): every change goes there as `linesChanged` and drops the preview.
 */
import { useEffect, useState } from 'react'
import type { PriceItemView } from '../../api/pricelist'
import { priceList } from '../../services/pricelist'
import { toApiError } from '../../services/cloud'
import type { BannerMessage } from '../../components/ErrorBanner'
import { addLine, withQuantity, type DeskLine } from './deskLines'

export interface BillLinesState {
  lines: DeskLine[]
  /** Active items; null while loading (or after a failed load: `reload`). */
  catalogue: PriceItemView[] | null
  reload: () => void
  add: (line: DeskLine) => void
  setQuantity: (index: number, quantity: number) => void
  remove: (index: number) => void
}

export function useBillLines(lines: DeskLine[], onLines: (lines: DeskLine[]) => void, setError: (e: BannerMessage) => void): BillLinesState {
  const [catalogue, setCatalogue] = useState<PriceItemView[] | null>(null)
  const [loads, setLoads] = useState(0)

  useEffect(() => {
    let live = true
    priceList(false)
      .then((items) => { if (live) setCatalogue(items.filter((i) => i.active)) })
      .catch((e) => { if (live) setError(toApiError(e)) })
    return () => { live = false }
  }, [loads]) // eslint-disable-line react-hooks/exhaustive-deps -- setError is stable enough: one load per request

  /** Apply a change that may be refused (one membership fee per bill, the quantity cap). */
  const change = (next: ReturnType<typeof addLine>) => {
    if (!next.ok) setError({ ...next.message, code: 'VALIDATION' })
    else onLines(next.lines)
  }

  return {
    lines,
    catalogue,
    reload: () => { setCatalogue(null); setLoads((n) => n + 1) },
    add: (line) => change(addLine(lines, line)),
    setQuantity: (index, quantity) => change(withQuantity(lines, index, quantity)),
    remove: (index) => onLines(lines.filter((_, i) => i !== index)),
  }
}
