/**
 * Pinyin initials of an item name ("根管治疗" → "ggzl"), so the desk finds an item by typing a few
 * letters. Computed on the server when an item is saved and stored with it: the client search is a
 * plain substring match and the mini-program carries no dictionary.
 *
 * No package: ICU's pinyin collation (Node's full ICU) orders every common hanzi by its reading, so
 * the first letter is the last of these boundary characters that sorts at or before the hanzi (the
 * classic GB2312 boundary table, letters i/u/v begin no syllable). A polyphonic character takes its
 * most common reading (长 → c); a name where that is wrong can still be found by its characters.
 */
const BOUNDARIES = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀'
const LETTERS = 'abcdefghjklmnopqrstwxyz'
const HANZI = /[\u3400-\u9fff]/

let collator: Intl.Collator | null | undefined

/** The pinyin collator, or null where this runtime's ICU has none (then names are found by characters only). */
function pinyinCollator(): Intl.Collator | null {
  if (collator !== undefined) return collator
  try {
    const c = new Intl.Collator('zh-u-co-pinyin')
    // Small-ICU builds fall back to code point order: 八 (U+516B) would sort after 阿 (U+963F) wrongly.
    collator = c.compare('八', '阿') > 0 && c.compare('八', '嚓') < 0 ? c : null
  } catch {
    collator = null
  }
  return collator
}

function initialOf(ch: string, c: Intl.Collator): string {
  if (/[a-z0-9]/i.test(ch)) return ch.toLowerCase()
  if (!HANZI.test(ch)) return ''
  let letter = ''
  for (let i = 0; i < BOUNDARIES.length; i++) {
    if (c.compare(ch, BOUNDARIES[i]) < 0) break
    letter = LETTERS[i]
  }
  return letter
}

/** Lower-case initials of the name's hanzi, with its Latin letters and digits kept ("3M牙线" → "3myx"). */
export function pinyinInitials(name: string): string {
  const c = pinyinCollator()
  const text = name.normalize('NFKC')
  if (!c) return [...text].filter((ch) => /[a-z0-9]/i.test(ch)).join('').toLowerCase()
  return [...text].map((ch) => initialOf(ch, c)).join('')
}
