/**
 * `npm run provision [-- --dry-run]`: the database of a CloudBase environment made ready for the
 * functions: every collection, every index in INDEXES, each collection server-only (ADMINONLY).
 * Safe to run again: what exists is left alone; an index that differs is reported, never dropped.
 *
 * Credentials: TCB_ENV (the env id), TCB_SECRET_ID, TCB_SECRET_KEY (a Tencent Cloud API key of an
 * account that may manage that environment), optionally TCB_REGION (default: the SDK's, ap-shanghai).
 * `--dry-run` without credentials prints everything a new environment gets; with credentials it
 * reads the environment and prints only what is missing. docs/deploy.md, "Provisioning".
 */
import { C } from '../cloudfunctions/_core/model'
import { INDEXES } from '../cloudfunctions/_core/ports/store'
import { applyPlan, describeNote, describeStep, desiredState, planProvision, readState, type Plan } from './provision-plan'

function printPlan(plan: Plan, header: string): void {
  console.log(header)
  for (const s of plan.steps) console.log(`  ${describeStep(s)}`)
  if (!plan.steps.length) console.log('  nothing to do: every collection, index and security rule is in place')
  for (const n of plan.notes) console.log(`  note: ${describeNote(n)}`)
}

async function main() {
  const argv = process.argv.slice(2)
  const unknown = argv.filter((a) => a !== '--dry-run')
  if (unknown.length) throw new Error(`unknown option ${unknown[0]}; usage: npm run provision [-- --dry-run]`)
  const dryRun = argv.includes('--dry-run')
  const desired = desiredState(C, INDEXES)
  const envId = process.env.TCB_ENV
  const secretId = process.env.TCB_SECRET_ID
  const secretKey = process.env.TCB_SECRET_KEY

  if (!envId || !secretId || !secretKey) {
    if (!dryRun) throw new Error('set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY (or add --dry-run to see the plan without them)')
    printPlan(planProvision(desired, {}), `Plan for a new environment (dry run, no credentials): ${desired.collections.length} collections`)
    return
  }

  // Loaded only with credentials: the dry run above needs nothing from Tencent's SDK.
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  const app = new CloudBase({ secretId, secretKey, envId, region: process.env.TCB_REGION || undefined })
  const acl = app.commonService()
  const plan = planProvision(desired, await readState(app.database, acl, envId, desired.collections))
  printPlan(plan, `${dryRun ? 'Plan (dry run)' : 'Provisioning'} for environment ${envId}:`)
  if (dryRun || !plan.steps.length) return
  await applyPlan(plan, app.database, acl, envId, (line) => console.log(`  … ${line}`))
  // Read back: every call above answered, but an index may take a moment to be listed.
  const after = planProvision(desired, await readState(app.database, acl, envId, desired.collections))
  for (const s of after.steps) console.warn(`  not visible yet: ${describeStep(s)} (run again in a minute to check)`)
  console.log(`done: ${desired.collections.length} collections${after.steps.length ? ' (see the warnings above)' : ', their indexes and security rules are in place'}`)
}

main().catch((e) => {
  console.error(`provision failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
