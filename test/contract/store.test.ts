/**
 * Runs the store contract against every adapter:
 * - embedded SQLite in memory and in a temporary file — always;
 * - CloudBase — only with TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY set (a real environment; the
 *   suite is safe to run on a shared one, see store-contract.ts). Otherwise the skip is reported.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_core/adapters/embedded/sqlite-store'
import { openCloudBaseStore } from '../../cloudfunctions/_core/adapters/cloudbase/cloudbase-store'
import { describeStoreContract } from './store-contract'

describeStoreContract('embedded SQLite (:memory:)', async () => openSqliteStore({ file: ':memory:' }))

let tmpDir: string | undefined
describeStoreContract(
  'embedded SQLite (temporary file)',
  async () => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yayou-store-contract-'))
    return openSqliteStore({ file: path.join(tmpDir, 'store.db') })
  },
  async (store) => {
    await store.close?.()
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
  },
)

const CLOUDBASE_VARS = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const
const missing = CLOUDBASE_VARS.filter((k) => !process.env[k])

if (missing.length === 0) {
  describeStoreContract(`CloudBase (env ${process.env.TCB_ENV})`, async () =>
    openCloudBaseStore({ env: process.env.TCB_ENV, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY }))
} else {
  console.warn(`[store contract] CloudBase part skipped: ${missing.join(', ')} not set (set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run it against a real environment).`)
  test.skip('CloudBase contract (set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY to run)', () => undefined)
}
