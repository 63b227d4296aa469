/**
 * `npm run bootstrap-admin -- --name 孙琳 --clinic clinic_sh [--phone 13800000106] [--clinic-name 牙友口腔 · 静安店 --city 上海]`
 * The first admin of a fresh local environment (YAYOU_DATA_DIR, default .data/, the database
 * `npm start` uses): works only while no admin can act, and prints a one-time invitation (72 hours)
 * that the person opens with their own WeChat (locally: the link, as any persona or a new one).
 * `--clinic-name` creates the clinic when the environment has none yet. On CloudBase the same step
 * runs through the `team` function: docs/deploy.md, "First admin".
 */
import { join } from 'node:path'
import { LocalCloud } from '../cloudfunctions/_local/local-cloud'
import { bootstrapAdmin } from '../cloudfunctions/_core/usecases/team-invites'
import { isDomainError } from '../src/domain/errors'
import { ROOT } from './lib'

interface Options { name: string; clinicId: string; phone?: string; clinicName?: string; city?: string }

function args(argv: string[]): Options {
  const o: Partial<Options> = {}
  const flags: Record<string, keyof Options> = { '--name': 'name', '--clinic': 'clinicId', '--phone': 'phone', '--clinic-name': 'clinicName', '--city': 'city' }
  for (let i = 0; i < argv.length; i++) {
    const key = flags[argv[i]]
    const value = argv[i + 1]
    if (!key || value === undefined || value.startsWith('--')) throw new Error(`unknown option or missing value: ${argv[i]} (see scripts/bootstrap-admin.ts)`)
    o[key] = value.trim()
    i++
  }
  if (!o.name || !o.clinicId) throw new Error('usage: npm run bootstrap-admin -- --name 孙琳 --clinic clinic_sh [--phone 138…] [--clinic-name 店名 --city 城市]')
  if (o.phone && !/^1\d{10}$/.test(o.phone)) throw new Error('--phone must be an 11-digit mainland mobile number')
  return o as Options
}

async function main() {
  const o = args(process.argv.slice(2))
  const dataDir = process.env.YAYOU_DATA_DIR ?? join(ROOT, '.data')
  // No demo data: a fresh environment stays empty apart from what this step writes.
  const cloud = await LocalCloud.open({ dataDir, demo: false })
  try {
    const r = await bootstrapAdmin(cloud.deps, { name: o.name, clinicId: o.clinicId, phone: o.phone, newClinic: o.clinicName ? { name: o.clinicName, city: o.city ?? '' } : undefined })
    const port = process.env.PORT ?? '8787'
    console.log([
      `First admin ${o.name} (${r.staffId}) at ${r.clinicId}, in ${dataDir}.`,
      `One-time invitation, valid until ${r.invitation.expiresAt}:`,
      `  code:  ${r.invitation.token}`,
      `  page:  ${r.invitation.path}`,
      `  local: http://127.0.0.1:${port}/#${r.invitation.path}`,
      'Open it with the WeChat user who will be the admin and tap 加入. It works once.',
    ].join('\n'))
  } catch (e) {
    if (isDomainError(e)) throw new Error(`${e.messages.zh} — ${e.messages.en}`)
    throw e
  } finally {
    await cloud.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
