/**
 * Code 128 (ISO/IEC 15417) for the barcode under a code's QR: what a desk scanner gun reads. Our
 * codes are 18 digits, so they are drawn in code set C (two digits a symbol, the shortest form);
 * any other printable ASCII text falls back to code set B. Pure: the widths of the bars and spaces
 * in modules, which the Barcode component draws.
 */

/** Each value's six element widths (bar, space, bar, space, bar, space); 106 is the stop (seven). */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 ' +
  '221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 ' +
  '221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 ' +
  '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 ' +
  '231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 ' +
  '231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 ' +
  '112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 ' +
  '214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 ' +
  '114131 311141 411131 211412 211214 211232 2331112'
).split(' ')

export const START_B = 104
export const START_C = 105
export const STOP = 106
/** Quiet zone each side, in modules (the standard asks for at least ten). */
export const QUIET_MODULES = 10

/** The symbol values: start, data, checksum, stop. */
export function code128Values(text: string): number[] {
  let values: number[]
  if (/^(\d\d)+$/.test(text)) {
    values = [START_C]
    for (let i = 0; i < text.length; i += 2) values.push(Number(text.slice(i, i + 2)))
  } else if (/^[\x20-\x7e]+$/.test(text)) {
    values = [START_B, ...[...text].map((ch) => ch.charCodeAt(0) - 32)]
  } else {
    throw new Error('Code 128 here takes printable ASCII or an even number of digits')
  }
  // Checksum: the start value plus each data value times its position, modulo 103.
  const sum = values.reduce((acc, v, i) => acc + v * Math.max(1, i), 0)
  return [...values, sum % 103, STOP]
}

/** Element widths in modules, starting with a bar and alternating, quiet zones not included. */
export function code128Widths(text: string): number[] {
  return code128Values(text).flatMap((v) => [...PATTERNS[v]].map(Number))
}

/** The same as a string of modules, 1 for bar and 0 for space (how specifications print examples). */
export function code128Modules(text: string): string {
  return code128Widths(text).map((w, i) => (i % 2 === 0 ? '1' : '0').repeat(w)).join('')
}

/** Bars to draw: each bar's offset from the left edge and width, in modules (quiet zone included). */
export function code128Bars(text: string): { bars: Array<{ x: number; w: number }>; totalModules: number } {
  const bars: Array<{ x: number; w: number }> = []
  let x = QUIET_MODULES
  code128Widths(text).forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, w })
    x += w
  })
  return { bars, totalModules: x + QUIET_MODULES }
}
