/**
 * The desk's one-time binding code (issue 10, item 3) as it reaches the bind page: the token itself
 * (pasted, or scanned from the desk's QR), or the page path / link that carries it as `b`
 * (`/pages/bind/index?b=<token>`, or an H5 link `…/#/pages/bind/index?b=<token>`).
 */

/** Tokens are URL-safe text without spaces; anything else is not a binding code. */
const TOKEN = /^[A-Za-z0-9._~:+/=-]{8,512}$/

/** The token in `text`, or '' when the text holds none. */
export function deskToken(text: string): string {
  const s = text.trim()
  if (!s) return ''
  const inLink = /[?&]b=([^&#\s]+)/.exec(s)
  let token = inLink ? inLink[1] : s
  try {
    if (token.includes('%')) token = decodeURIComponent(token)
  } catch {
    return ''
  }
  return TOKEN.test(token) ? token : ''
}
