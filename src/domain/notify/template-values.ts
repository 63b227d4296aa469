/**
 * N3: the values of a WeChat subscribe message, shaped and checked per keyword type before the
 * message is sent. WeChat names each keyword by its type and a number (`thing1`, `time3`,
 * `character_string12`) and refuses a value that breaks the type's rule with errcode 47003 — after
 * the person's one-time consent is spent. So a value that can be shaped safely is shaped (a long
 * `thing` is cut with …, a date is written the way WeChat documents it, fen become `¥600.00`); one
 * that cannot (a name too long to cut honestly, a date where a time of day is needed) is refused
 * here with the reason, and the message ends dead, never sent.
 *
 * The rules, from WeChat's "订阅消息参数值内容限制说明" (subscribeMessage.send):
 *   thing             ≤ 20 characters: Chinese, letters, digits, symbols
 *   number            ≤ 32 digits, decimals allowed
 *   letter            ≤ 32 letters only
 *   symbol            ≤ 5 symbols only
 *   character_string  ≤ 32 digits, letters or symbols (ASCII)
 *   time              24-hour time, the date may go before it: 15:01, 2019年10月1日 15:01; a span joins two with ~
 *   date              a date, a 24-hour time may follow: 2019年10月1日, 2019年10月1日 15:01; spans with ~
 *   amount            one currency symbol + ≤ 10 digits, decimals allowed, may end in 元
 *   phone_number      ≤ 17 digits and symbols: +86-0766-66888866
 *   car_number        ≤ 8: the first and last may be Chinese, the rest letters or digits: 粤A8Z888挂
 *   name              ≤ 10 Chinese characters (mixed with letters counts as Chinese), or ≤ 20 letters
 *   phrase            ≤ 5 Chinese characters only: 配送中
 *   enum              a value of the template's own list (WeChat checks it)
 * Every value must be non-empty.
 */

export const KEYWORD_TYPES = ['thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number', 'name', 'phrase', 'enum'] as const
export type KeywordType = (typeof KEYWORD_TYPES)[number]

/** A value for a keyword: text, or a number (for `amount`, integer fen — money is fen everywhere). */
export type RawValue = string | number

export type Shaped = { ok: true; value: string } | { ok: false; reason: string }

/** `thing1` → thing, `character_string12` → character_string; null for a key of no known type. */
export function keywordType(key: string): KeywordType | null {
  const type = key.replace(/\d+$/, '')
  return (KEYWORD_TYPES as readonly string[]).includes(type) ? (type as KeywordType) : null
}

const chars = (s: string) => [...s]
const HAN = /\p{Script=Han}/u
const ok = (value: string): Shaped => ({ ok: true, value })
const no = (reason: string): Shaped => ({ ok: false, reason })

/** Shapes one value for keyword `key`, or says why it cannot be sent. */
export function shapeValue(key: string, raw: RawValue | undefined): Shaped {
  const type = keywordType(key)
  if (!type) return no(`${key}：不认识的字段类型`)
  if (raw === undefined || raw === null) return no(`${key}：没有值`)
  if (type === 'amount' && typeof raw === 'number') return amountFromFen(key, raw)
  const text = String(raw).replace(/\s+/g, ' ').trim()
  if (!text) return no(`${key}：值为空`)
  const r = RULES[type](text)
  return r.ok ? r : no(`${key}「${text}」：${r.reason}`)
}

/** Shapes every field; the first value that cannot be shaped refuses the whole message. */
export function shapeTemplateData(values: Record<string, RawValue | undefined>): { ok: true; data: Record<string, { value: string }> } | { ok: false; reason: string } {
  const data: Record<string, { value: string }> = {}
  for (const [key, raw] of Object.entries(values)) {
    const r = shapeValue(key, raw)
    if (!r.ok) return r
    data[key] = { value: r.value }
  }
  return { ok: true, data }
}

const RULES: Record<KeywordType, (v: string) => Shaped> = {
  thing: (v) => ok(chars(v).length > 20 ? chars(v).slice(0, 19).join('') + '…' : v),
  number: (v) => (/^\d+(\.\d+)?$/.test(v) && v.length <= 32 ? ok(v) : no('数字字段只能是 32 位以内的数字（可带小数）')),
  letter: (v) => (/^[A-Za-z]{1,32}$/.test(v) ? ok(v) : no('字母字段只能是 32 个以内的字母')),
  symbol: (v) => (/^[^\p{L}\p{N}\s]{1,5}$/u.test(v) ? ok(v) : no('符号字段只能是 5 个以内的符号')),
  character_string: (v) => (/^[\x21-\x7E]{1,32}$/.test(v) ? ok(v) : no('字符串字段只能是 32 位以内的字母、数字或符号（不含汉字和空格）')),
  time: (v) => span(v, (p) => dateTime(p, 'time')),
  date: (v) => span(v, (p) => dateTime(p, 'date')),
  amount: (v) => amountFromText(v),
  phone_number: (v) => {
    const p = v.replace(/ /g, '')
    return /^[\d+\-()#*]{1,17}$/.test(p) && /\d/.test(p) ? ok(p) : no('电话字段只能是 17 位以内的数字和符号')
  },
  car_number: (v) => {
    const p = chars(v.replace(/[ ·•-]/g, '').toUpperCase())
    const edge = (c: string) => HAN.test(c) || /^[A-Z0-9]$/.test(c)
    const fits = p.length >= 2 && p.length <= 8 && edge(p[0]) && edge(p[p.length - 1]) && p.slice(1, -1).every((c) => /^[A-Z0-9]$/.test(c))
    return fits ? ok(p.join('')) : no('车牌字段最多 8 位：首尾可为汉字，其余为字母或数字')
  },
  name: (v) => {
    // Never cut: a shortened name is someone else's name.
    if (/\p{N}/u.test(v)) return no('姓名不能含数字')
    if (HAN.test(v)) return /^[\p{Script=Han}A-Za-z·]+$/u.test(v) && chars(v).length <= 10 ? ok(v) : no('中文姓名最多 10 个字，只能是汉字（可夹字母）')
    return /^[A-Za-z .'-]{1,20}$/.test(v) ? ok(v) : no('英文姓名最多 20 个字母或符号')
  },
  phrase: (v) => (/^\p{Script=Han}{1,5}$/u.test(v) ? ok(v) : no('短语字段只能是 5 个以内的汉字，不含标点、数字或字母')),
  enum: (v) => ok(v),
}

/** A span "a~b" is shaped side by side; most values are one point. */
function span(v: string, one: (p: string) => Shaped): Shaped {
  const parts = v.split(/\s*[~～]\s*/)
  if (parts.length > 2) return no('时间段只能有两个时间点')
  const shaped = parts.map(one)
  const bad = shaped.find((s) => !s.ok)
  return bad ?? ok(shaped.map((s) => (s as { value: string }).value).join('~'))
}

const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/

/**
 * `time`: a clock time, the date optional before it; `date`: a date, a clock time optional after
 * it. Written as WeChat's own examples: 2026年12月1日 09:00. The values are wall-clock times of the
 * clinic (the job writes business dates); an instant with a zone is refused, not guessed.
 */
function dateTime(p: string, type: 'time' | 'date'): Shaped {
  if (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(p) && /\d[T ]\d/.test(p)) return no('带时区的时间点须先换成诊所当地时间')
  const [d, t, extra] = p.split(/[T ]/)
  if (extra !== undefined) return no(type === 'time' ? '时间格式应为 15:01 或 2026年12月1日 15:01' : '日期格式应为 2026年12月1日 或 2026年12月1日 15:01')
  let date: string | null = null
  let clock: string | null = null
  for (const part of t === undefined ? [d] : [d, t]) {
    const m = CN_DATE.exec(part) ?? ISO_DATE.exec(part)
    const c = CLOCK.exec(part)
    if (m && date === null && clock === null && validDate(+m[1], +m[2], +m[3])) date = `${+m[1]}年${+m[2]}月${+m[3]}日`
    else if (c && clock === null) clock = `${c[1].padStart(2, '0')}:${c[2]}`
    else return no(type === 'time' ? '时间格式应为 15:01 或 2026年12月1日 15:01' : '日期格式应为 2026年12月1日 或 2026年12月1日 15:01')
  }
  if (type === 'time' && clock === null) return no('时间字段需要 24 小时制时刻（只有日期时请配成 date 字段）')
  if (type === 'date' && date === null) return no('日期字段需要年月日')
  return ok([date, clock].filter(Boolean).join(' '))
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
}

/** Fen (integers, as all money here) to `¥600.00`. */
function amountFromFen(key: string, fen: number): Shaped {
  if (!Number.isInteger(fen) || fen < 0) return no(`${key}「${fen}」：金额须为非负的整数分`)
  const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
  return yuan.replace('.', '').length > 10 ? no(`${key}「${fen}」：金额超过 10 位数字`) : ok(`¥${yuan}`)
}

/** Text such as `¥1,234.50`, `600元` or `600`: one currency symbol (¥ when none), no separators. */
function amountFromText(v: string): Shaped {
  const m = /^([¥￥$€£]?)(\d[\d,]*)(?:\.(\d{1,2}))?(元?)$/.exec(v)
  if (!m) return no('金额应为币种符号加数字（最多两位小数），如 ¥600.00')
  const whole = m[2].replace(/,/g, '')
  if ((whole + (m[3] ?? '')).length > 10) return no('金额超过 10 位数字')
  return ok(`${m[1] === '￥' || !m[1] ? '¥' : m[1]}${whole}${m[3] !== undefined ? `.${m[3]}` : ''}${m[4]}`)
}
