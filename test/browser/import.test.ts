/**
 * Patient import in a real browser (Chromium on the H5 build): the director opens 患者导入 from the
 * staff desk, uploads a small CSV, reads the dry-run report (a bad row named with its row and
 * field; a mother and daughter on one phone as warnings, apart from the problems), imports after
 * confirming, and reception then finds the imported patient by record number.
 *
 * Run: `npm run build:h5` first, then `npx jest --selectProjects browser test/browser/import.test.ts`.
 */
import type { PatientDoc } from '../../cloudfunctions/_core/model'
import { byId, PERSONA, shot, startHarness, tap, textOf, waitForId, waitForText, type Harness } from './harness'
import { scan } from './desk'

jest.setTimeout(120_000)

let h: Harness
beforeAll(async () => { h = await startHarness() }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

const CSV = [
  '病历号,姓名,手机,生日,诊所,历史消费,最近就诊',
  '880001,韩梅梅,13877770001,1986-04-12,,"32,000.00",2026-09-30',
  '880002,李雷,13877770002,1985/7/1,静安店,860.50,',
  '880003,错号码,1387777000,,,,',
  '880004,韩小梅,13877770001,2016-09-01,,800.00,', // 韩梅梅's daughter on her phone: imported, with a warning
].join('\r\n')

test('the director uploads a CSV, checks it, imports it, and reception finds the patient by record number', async () => {
  const director = await h.openAs(PERSONA.director, 'pages/index/index')
  await tap(director, 'goto-staff-import')
  await waitForId(director, 'import-file')
  // Nothing pasted: the banner says why, in one language (never blank).
  await tap(director, 'import-use-paste')
  const banner = await textOf(director, 'error-banner')
  expect(banner).toContain('请先粘贴 CSV 内容（第一行为表头）')
  expect(banner).not.toContain('Paste the CSV') // one language on screen (issue 12)
  await byId(director, 'import-file').setInputFiles({ name: '患者名单.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${CSV}`, 'utf8') })
  await waitForText(director, 'import-file-name', '患者名单.csv')

  const before = await h.cloud.store.count('patients')
  await tap(director, 'import-check')
  await waitForText(director, 'import-report', '检查结果')
  expect(await textOf(director, 'import-rows')).toBe('4')
  expect(await textOf(director, 'import-ok')).toBe('3')
  expect(await textOf(director, 'import-created')).toBe('3')
  expect(await textOf(director, 'import-lifetime')).toBe('1')
  expect(await textOf(director, 'import-problems')).toBe('1')
  expect(await textOf(director, 'problem-4-phone')).toContain('11 位')
  // The shared phone is a warning, shown apart from the problems: both rows still import.
  expect(await textOf(director, 'import-warnings')).toBe('2')
  expect(await textOf(director, 'import-problem-list')).not.toContain('共用手机号')
  expect(await textOf(director, 'import-warning-list')).not.toContain('11 位')
  expect(await textOf(director, 'warning-2-phone')).toContain('与病历号 880004 共用手机号')
  expect(await textOf(director, 'warning-5-phone')).toContain('与病历号 880001 共用手机号')
  expect(await h.cloud.store.count('patients')).toBe(before) // a dry run writes nothing
  await shot(director, '70-import-dry-run')

  await tap(director, 'import-run')
  const confirm = director.locator('.taro-model__confirm').filter({ visible: true }).first()
  await confirm.waitFor({ state: 'visible' })
  const modal = await director.locator('.taro-modal__text').filter({ visible: true }).first().innerText()
  expect(modal).toContain('新建 3 份档案')
  expect(modal).toContain('其中 2 行有提示')
  await confirm.click()
  await waitForText(director, 'import-report', '导入完成')
  expect(await textOf(director, 'import-created')).toBe('3')
  expect(await textOf(director, 'warning-5-phone')).toContain('与病历号 880001 共用手机号')
  await shot(director, '71-import-done')

  expect(await h.cloud.store.count('patients')).toBe(before + 3)
  const han = await h.cloud.store.get<PatientDoc>('patients', 'pat_880001')
  expect(han).toMatchObject({ name: '韩梅梅', clinicId: 'clinic_sh', tier: 'lifetime', cumulativeSpendFen: 3_200_000, importedSpendFen: 3_200_000, source: 'import' })

  const desk = await h.openAs(PERSONA.receptionist, 'staff/reception/index')
  await scan(desk, '880001')
  await waitForText(desk, 'scanned-name', '韩梅梅')
  expect(await textOf(desk, 'scanned-tier')).toContain('终身')
  expect(await h.cloud.store.get<PatientDoc>('patients', 'pat_880004')).toMatchObject({ name: '韩小梅', phone: '13877770001', phoneTail: '0001' })
})

test('a receptionist does not see the import page in the staff desk', async () => {
  const desk = await h.openAs(PERSONA.receptionist, 'pages/index/index')
  await waitForId(desk, 'goto-reception')
  expect(await byId(desk, 'goto-staff-import').count()).toBe(0)
})
