import { z } from 'zod'
import { DomainError } from '../../src/domain/errors'
import { defineFunction, forStaff } from '../_core/runtime/define'
import { id, requestId } from '../_core/runtime/schema'
import { importPatients } from '../_core/usecases/patient-import'
import { readImportFile } from '../_core/usecases/patient-import-file'
import { CATEGORIES } from '../../src/domain/policy'
import { listPriceItems, savePriceItem, searchPriceItems, setPriceItemActive } from '../_core/usecases/pricelist'
import { importPriceItems } from '../_core/usecases/pricelist-import'

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

// Issue 13, price list (收费项目): reads for the desk, edits for the director and admin, file import for the admin.
const priceFields = {
  // The domain checks the name, price and M1 fee (typed PRICE_ITEM_INVALID per field); the schema only the shape.
  name: z.string().max(200),
  category: z.enum(CATEGORIES),
  priceFen: z.number(),
  active: z.boolean(),
}
const savePriceRequest = z.object({ requestId, itemId: id.optional(), version: z.number().int().min(0).optional(), ...priceFields })
  .refine((v) => !v.itemId || v.version !== undefined, { message: 'a change names the version it was made against', path: ['version'] })
const priceImportRequest = z.object({
  fileName: z.string().trim().min(1).max(120),
  format: z.enum(['csv', 'xlsx']),
  content: z.string().min(1, 'the file is empty').max(MAX_CONTENT, 'the file is too large for one call'),
  dryRun: z.boolean(),
})
const editor = (c: { persona: { staffId: string; role: Parameters<typeof savePriceItem>[1]['role'] } }) => ({ staffId: c.persona.staffId, role: c.persona.role })

export default defineFunction({
  name: 'records',
  actions: {
    priceList: forStaff(z.object({ includeInactive: z.boolean().optional() }), (deps, _c, i) => listPriceItems(deps, i)),
    searchPriceItems: forStaff(z.object({ query: z.string().max(40), limit: z.number().int().min(1).max(50).optional() }), (deps, _c, i) => searchPriceItems(deps, i)),
    savePriceItem: forStaff(savePriceRequest, (deps, c, i) => savePriceItem(deps, editor(c), i)),
    setPriceItemActive: forStaff(z.object({ requestId, itemId: id, version: z.number().int().min(0), active: z.boolean() }), (deps, c, i) => setPriceItemActive(deps, editor(c), i)),
    // exceljs is bundled (lazily) with this function already: an XLSX price list is read here too.
    importPriceItems: forStaff(priceImportRequest, (deps, c, i) => importPriceItems(deps, editor(c), i)),
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
