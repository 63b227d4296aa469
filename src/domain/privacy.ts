/** C2: staff lists show phones masked — 138****5678. Short or odd input keeps only its last 2 digits. */
export function maskPhone(phone: string | undefined | null): string {
  const digits = (phone ?? '').replace(/\D/g, '')
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length === 0) return ''
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`
}
