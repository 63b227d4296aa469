/**
 * R1, C2: the name a friend sees on a shared card or referral is one the member chose, never the
 * record's real name. The default keeps only the surname: "李*".
 */
const PHONE_LIKE = /\d{7,}/
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '夏侯']

export const DISPLAY_NAME_MAX = 12

export function surnameOf(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  const two = chars.slice(0, 2).join('')
  return COMPOUND_SURNAMES.includes(two) && chars.length > 2 ? two : chars[0]
}

/** "李明" → "李*", "欧阳娜娜" → "欧阳*"; a Latin name keeps its first letter: "Anna" → "A*". */
export const defaultDisplayName = (name: string): string => `${surnameOf(name) || '朋'}*`

/** What a member may choose: 1–12 characters, no control characters, nothing that looks like a phone. */
export function cleanDisplayName(input: string): string | null {
  const s = input.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim()
  const n = [...s].length
  if (n < 1 || n > DISPLAY_NAME_MAX || PHONE_LIKE.test(s.replace(/[\s-]/g, ''))) return null
  return s
}
