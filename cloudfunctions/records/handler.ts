import { z } from 'zod'
import { DomainError } from '../../src/domain/errors'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { id, requestId } from '../_core/runtime/schema'
import { importPatients } from '../_core/usecases/patient-import'
import { readImportFile } from '../_core/usecases/patient-import-file'

/**
 * Data rows per call. CloudBase takes at most 100 KB of request body per call, so the staff page
 * sends a big CSV in parts (header repeated, `firstRow` set); an XLSX travels whole.
 */
export const MAX_ROWS_PER_CALL = 2_000
/** Characters of `content` (text or base64): above the 100 KB CloudBase limit, within the local server's 256 KB. */
const MAX_CONTENT = 250_000

const importRequest = z.object({
  fileName: z.string().trim().min(1).max(120),
  format: z.enum(['csv', 'xlsx']),
  content: z.string().min(1, 'the file is empty').max(MAX_CONTENT, 'the file is too large for one call; send it in parts'),
  dryRun: z.boolean(),
  firstRow: z.number().int().min(2).max(10_000_000).optional(),
  defaultClinicId: id.optional(),
  runId: requestId.optional(),
  part: z.number().int().min(0).max(100_000).optional(),
})

export default defineFunction({
  name: 'records',
  actions: {
    // Director and admin (permissions table); clinic scoping inside: a director imports into their clinic.
    importPatients: forStaff(importRequest, async (deps, c, i) => {
      const bytes = i.format === 'xlsx' ? Buffer.from(i.content, 'base64') : null
      const table = await readImportFile(i.format, bytes ?? i.content, i.firstRow ?? 2)
      if (bytes && table.rows.length > MAX_ROWS_PER_CALL) throw new DomainError('IMPORT_TOO_LARGE', { rows: table.rows.length, max: MAX_ROWS_PER_CALL })
      const p = c.persona
      return importPatients(deps, { kind: 'staff', staffId: p.staffId, name: p.name, role: p.role, clinicId: p.clinicId }, table, {
        fileName: i.fileName, format: i.format, dryRun: i.dryRun, defaultClinicId: i.defaultClinicId, runId: i.runId, part: i.part, maxRows: MAX_ROWS_PER_CALL,
      })
    }),
  },
})
