/**
 * Issue 14: the one table behind every report export. A report lists its columns once (title in
 * both languages, a kind, how to read the value); CSV and XLSX are both written from the table
 * this builds, so the two files always carry the same figures.
 *  - money is integer fen in the reports; in the table it is yuan or roubles (a number, 2 decimals
 *    in XLSX, text "1234.50" in CSV), its column titled with the chain's unit (金额（元）, Amount (₽));
 *  - instants are shown in the clinic's time zone as "YYYY-MM-DD HH:mm" (policy.timezone);
 *  - statuses are words, never the raw keys (the column's value function says them).
 * Pure: no Taro, no DOM.
 */
import { dayjs } from '../../domain/clock'
import { toCsv } from '../../domain/referral/csv'
import type { Lang, Msg } from '../../i18n'
import type { Currency } from '../../domain/policy'
import { CURRENCY_SIGN, CURRENCY_UNIT } from '../../domain/policy-money'
import { DEFAULT_CHAIN } from '../../domain/chain-settings'

/** The default chain's zone (seed 004); pages pass the chain's own. */
export const DEFAULT_ZONE = DEFAULT_CHAIN.timezone

/** text: as is · money: fen → yuan · count: a whole number · instant: an ISO time shown in the zone · date: a business date. */
export type CellKind = 'text' | 'money' | 'count' | 'instant' | 'date'
export type Raw = string | number | null | undefined
export type Cell = string | number | null

export interface Column<R> {
  title: Msg
  kind: CellKind
  /** The raw value; a text column receives the reader's language for values said in words. */
  value: (row: R, lang: Lang) => Raw
}

export interface ExportTable {
  /** The report's name, the sheet name and the start of the file name. */
  title: string
  headers: string[]
  kinds: CellKind[]
  rows: Cell[][]
}

/** An ISO instant as "YYYY-MM-DD HH:mm" in the clinic's zone; anything unparsable as given. */
export function zonedDateTime(iso: string, zone = DEFAULT_ZONE): string {
  const d = dayjs(iso)
  return d.isValid() ? d.tz(zone).format('YYYY-MM-DD HH:mm') : iso
}

function cellOf(kind: CellKind, v: Raw, zone: string): Cell {
  if (v === null || v === undefined || v === '') return null
  switch (kind) {
    case 'money': return Math.round(Number(v)) / 100
    case 'count': return Number(v)
    case 'instant': return zonedDateTime(String(v), zone)
    case 'date': return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? String(v) : dayjs(String(v)).isValid() ? dayjs(String(v)).tz(zone).format('YYYY-MM-DD') : String(v)
    default: return String(v)
  }
}

export interface TableOptions { lang: Lang; zone?: string; currency?: Currency }

/** A money column's title with the unit of the chain's currency: 实付（元）, Paid (₽). */
export function moneyTitle(title: Msg, currency: Currency, lang: Lang): string {
  return lang === 'zh' ? `${title.zh}（${CURRENCY_UNIT[currency].zh}）` : `${title.en} (${CURRENCY_SIGN[currency]})`
}

export function buildTable<R>(title: Msg, columns: ReadonlyArray<Column<R>>, rows: readonly R[], { lang, zone = DEFAULT_ZONE, currency = DEFAULT_CHAIN.currency }: TableOptions): ExportTable {
  return {
    title: title[lang],
    headers: columns.map((c) => (c.kind === 'money' ? moneyTitle(c.title, currency, lang) : c.title[lang])),
    kinds: columns.map((c) => c.kind),
    rows: rows.map((r) => columns.map((c) => cellOf(c.kind, c.value(r, lang), zone))),
  }
}

/** CSV text of the table: money as "1234.50", the BOM and formula guard of toCsv. */
export function tableCsv(table: ExportTable): string {
  return toCsv(table.headers, table.rows.map((r) => r.map((v, i) => (table.kinds[i] === 'money' && typeof v === 'number' ? v.toFixed(2) : v))))
}

/** A file name people recognise: 推荐日结单-2026-11-22.xlsx (characters file systems refuse are dropped). */
export function exportFileName(table: ExportTable, stamp: string, ext: 'csv' | 'xlsx'): string {
  const base = `${table.title}${stamp ? `-${stamp}` : ''}`.replace(/[\\/:*?"<>|\s]+/g, '-')
  return `${base}.${ext}`
}
