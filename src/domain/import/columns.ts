/**
 * The columns of a patient import file (docs/import.md): Chinese or English headers, in any order.
 * Historical spend comes in yuan (历史消费 / spend, "12345.60") or in fen (历史消费(分) / spendFen,
 * "1234560"), never both.
 */
import type { Line } from './reasons'

export type Field = 'recordNo' | 'name' | 'phone' | 'birthday' | 'clinic' | 'spendYuan' | 'spendFen' | 'lastVisit'

/** Accepted headers per field, compared after `headerKey` (case, spaces, _ - and brackets ignored). */
const HEADERS: Record<Field, string[]> = {
  recordNo: ['病历号', '病历编号', '病案号', 'recordno', 'recordnumber', 'record'],
  name: ['姓名', '患者姓名', 'name', 'patientname'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', 'phone', 'mobile', 'phonenumber'],
  birthday: ['生日', '出生日期', 'birthday', 'birthdate', 'dateofbirth'],
  clinic: ['诊所', '门店', '所属诊所', 'clinic', 'clinicid', 'clinicname'],
  spendYuan: ['历史消费', '历史消费元', '累计消费', '累计消费元', '消费金额', 'spend', 'spendyuan', 'historicalspend', 'totalspend'],
  spendFen: ['历史消费分', '累计消费分', 'spendfen', 'historicalspendfen'],
  lastVisit: ['最近就诊', '最近就诊日期', '上次就诊', 'lastvisit', 'lastvisitdate', 'lastvisiton'],
}

/** How the report names each field. */
export const FIELD_LABEL: Record<Field | 'row', Line> = {
  recordNo: { zh: '病历号', en: 'record number' },
  name: { zh: '姓名', en: 'name' },
  phone: { zh: '手机', en: 'phone' },
  birthday: { zh: '生日', en: 'birthday' },
  clinic: { zh: '诊所', en: 'clinic' },
  spendYuan: { zh: '历史消费', en: 'spend' },
  spendFen: { zh: '历史消费(分)', en: 'spend (fen)' },
  lastVisit: { zh: '最近就诊', en: 'last visit' },
  row: { zh: '整行', en: 'row' },
}

export const REQUIRED: readonly Field[] = ['recordNo', 'name', 'phone']

/** "历史消费（元）" → "历史消费元", " Record_No " → "recordno". */
export const headerKey = (h: string): string =>
  h.replace(/^\ufeff/, '').toLowerCase().replace(/[\s_\-()（）[\]【】:：.·]/g, '')

const BY_KEY = new Map<string, Field>(Object.entries(HEADERS).flatMap(([f, hs]) => hs.map((h): [string, Field] => [headerKey(h), f as Field])))

export interface ColumnMap {
  /** Column index of each field present. */
  index: Partial<Record<Field, number>>
  /** Headers we do not read (shown in the report, so a misspelt column does not go unnoticed). */
  ignored: string[]
}

export type ColumnProblem =
  | { kind: 'missing'; fields: Field[] }
  | { kind: 'repeated'; field: Field; headers: string[] }
  | { kind: 'both_spends' }

/** Maps the header row to fields, or says what is wrong with it (the whole file is refused then). */
export function mapColumns(header: readonly string[]): { ok: true; map: ColumnMap } | { ok: false; problem: ColumnProblem } {
  const index: Partial<Record<Field, number>> = {}
  const ignored: string[] = []
  for (let i = 0; i < header.length; i++) {
    const raw = header[i].trim()
    if (raw === '') continue
    const f = BY_KEY.get(headerKey(raw))
    if (!f) { ignored.push(raw); continue }
    if (index[f] !== undefined) return { ok: false, problem: { kind: 'repeated', field: f, headers: [header[index[f]!].trim(), raw] } }
    index[f] = i
  }
  const missing = REQUIRED.filter((f) => index[f] === undefined)
  if (missing.length > 0) return { ok: false, problem: { kind: 'missing', fields: missing } }
  if (index.spendYuan !== undefined && index.spendFen !== undefined) return { ok: false, problem: { kind: 'both_spends' } }
  return { ok: true, map: { index, ignored } }
}

/** The header problem as people read it. */
export function columnProblemText(p: ColumnProblem): Line {
  if (p.kind === 'missing') {
    return {
      zh: `缺少必需的列：${p.fields.map((f) => FIELD_LABEL[f].zh).join('、')}（表头需含 病历号、姓名、手机）`,
      en: `Required columns missing: ${p.fields.map((f) => FIELD_LABEL[f].en).join(', ')} (the header needs record number, name and phone)`,
    }
  }
  if (p.kind === 'repeated') {
    return { zh: `“${p.headers.join('”和“')}”都表示${FIELD_LABEL[p.field].zh}，请只保留一列`, en: `"${p.headers.join('" and "')}" both mean ${FIELD_LABEL[p.field].en}; keep one column` }
  }
  return { zh: '历史消费的“元”列和“分”列只能有一列', en: 'Give historical spend in yuan or in fen, not both' }
}
