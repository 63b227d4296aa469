import { isDomainError } from '../errors'
import { csvTable } from './csv'
import { checkTable, resolveClinic, scanFile, type CheckOptions } from './rows'

const CLINICS = [{ id: 'clinic_sh', name: '牙友口腔 · 静安店' }, { id: 'clinic_hz', name: '牙友口腔 · 西湖店' }]
const OPTS: CheckOptions = { today: '2026-11-22', clinics: CLINICS, defaultClinicId: 'clinic_sh', mayImportInto: () => true, maxRows: 100 }
const check = (text: string, o: Partial<CheckOptions> = {}) => checkTable(csvTable(text), { ...OPTS, ...o })
const problemsOf = (r: ReturnType<typeof check>) => r.problems.map((p) => `${p.row}:${p.field}:${p.reason.zh}`)

test('Chinese headers in any order; every field read into a record', () => {
  const r = check('姓名,手机,病历号,生日,诊所,历史消费,最近就诊\n李明,139 1234 5678,A100,1978/3/14,静安店,"30,000.00",2026-10-01')
  expect(r.problems).toEqual([])
  expect(r.records).toEqual([{ row: 2, recordNo: 'A100', name: '李明', phone: '13912345678', birthday: '1978-03-14', clinicId: 'clinic_sh', importedSpendFen: 3_000_000, lastVisit: '2026-10-01' }])
})

test('English headers, spend in fen, unknown columns listed as ignored', () => {
  const r = check('Record No,Name,Phone,Clinic,spendFen,Notes\nB7,Wang Fang,13700001111,clinic_hz,860000,vip')
  expect(r.records[0]).toMatchObject({ recordNo: 'B7', clinicId: 'clinic_hz', importedSpendFen: 860_000 })
  expect(r.ignoredColumns).toEqual(['Notes'])
})

test('a header without record number, name or phone refuses the whole file (typed error)', () => {
  try {
    check('姓名,生日\n李明,1978-03-14')
    throw new Error('not refused')
  } catch (e) {
    expect(isDomainError(e) && e.code).toBe('IMPORT_COLUMNS')
    expect((e as { messages: { zh: string } }).messages.zh).toContain('病历号、手机')
  }
  expect(() => check('病历号,recordNo,姓名,手机\n1,1,a,13900000000')).toThrow('IMPORT_COLUMNS')
  expect(() => check('病历号,姓名,手机,历史消费,spendFen\n1,a,13900000000,1,100')).toThrow('IMPORT_COLUMNS')
})

test('each bad field is its own problem with row, field and a reason in zh and en; bad rows are not records', () => {
  const r = check([
    '病历号,姓名,手机,生日,诊所,历史消费',
    '1,李明,13912345678,1978-03-14,clinic_sh,100',
    '2,,1391234567,1999-02-29,clinic_sh,-3',
    '3,王芳,13700001111,,北京店,1.234',
    '',
    '4,赵磊,13500004444,,,',
  ].join('\n'), { defaultClinicId: undefined })
  expect(r.rows).toBe(4) // the blank line is not a row
  expect(r.records.map((x) => x.recordNo)).toEqual(['1'])
  expect(problemsOf(r)).toEqual([
    '3:name:姓名不能为空',
    '3:phone:手机号须为 11 位中国大陆手机号（1 开头）',
    '3:birthday:生日“1999-02-29”不是真实的日期',
    '3:spendYuan:历史消费不能为负数',
    '4:spendYuan:历史消费应为金额，最多两位小数，如 12345.60',
    '4:clinic:找不到诊所“北京店”（可填诊所编号或名称）',
    '6:clinic:没有填写诊所，也未指定默认诊所',
  ])
  for (const p of r.problems) expect(p.reason.en.length).toBeGreaterThan(5)
})

test('a default clinic fills empty clinic cells; clinic scoping refuses other clinics', () => {
  const text = '病历号,姓名,手机,诊所\n1,李明,13912345678,\n2,王芳,13700001111,西湖店'
  const r = check(text, { defaultClinicId: 'clinic_sh', mayImportInto: (c) => c === 'clinic_sh' })
  expect(r.records.map((x) => [x.recordNo, x.clinicId])).toEqual([['1', 'clinic_sh']])
  expect(problemsOf(r)).toEqual(['3:clinic:无权导入到“牙友口腔 · 西湖店”'])
})

test('a record number repeated in the file is a problem on every row involved; a repeated phone is not (a family)', () => {
  const r = check([
    '病历号,姓名,手机',
    '1,李明,13912345678',
    '2,李小明,139 1234 5678',
    '3,王芳,13700001111',
    '3,王芳二,13700002222',
    '4,赵磊,13500004444',
  ].join('\n'))
  expect(r.records.map((x) => x.recordNo)).toEqual(['1', '2', '4'])
  expect(problemsOf(r)).toEqual([
    '4:recordNo:病历号在文件中重复（第 5 行）',
    '5:recordNo:病历号在文件中重复（第 4 行）',
  ])
})

test('row numbers continue from the part of the file a call carries', () => {
  const r = checkTable({ ...csvTable('病历号,姓名,手机\n9,李明,1391234567'), firstRow: 2002 }, OPTS)
  expect(r.problems[0].row).toBe(2002)
})

test('cells beyond the header are a problem; too many rows for one call is a typed error', () => {
  expect(problemsOf(check('病历号,姓名,手机\n1,李明,13912345678,extra'))).toEqual(['2:row:本行的列数多于表头'])
  expect(check('病历号,姓名,手机\n1,李明,13912345678,,').problems).toEqual([])
  expect(() => check('病历号,姓名,手机\n1,a,13912345678\n2,b,13912345679', { maxRows: 1 })).toThrow('IMPORT_TOO_MANY_ROWS')
})

test('clinics by id, full name or a unique part of the name', () => {
  expect(resolveClinic('clinic_hz', CLINICS)).toEqual({ ok: true, value: 'clinic_hz' })
  expect(resolveClinic('牙友口腔 · 静安店', CLINICS)).toEqual({ ok: true, value: 'clinic_sh' })
  expect(resolveClinic('西湖', CLINICS)).toEqual({ ok: true, value: 'clinic_hz' })
  const amb = resolveClinic('牙友口腔', CLINICS)
  expect(amb.ok ? '' : amb.reason.zh).toContain('不唯一')
})

test('a whole file read for the page: repeated record numbers, and the phones of the other rows', () => {
  const text = ['手机,病历号,姓名', '13912345678,1,a', '13700001111,2,b', '', '139-1234-5678,3,c', 'bad,2,d', '13500004444,x y,e'].join('\n')
  const scan = scanFile(csvTable(text))
  expect(scan.repeats.map((p) => `${p.row}:${p.field}:${p.repeat}`)).toEqual(['3:recordNo:true', '6:recordNo:true'])
  // Rows 3 and 6 repeat a record number, row 7's record number does not read: no phone of theirs counts.
  expect(scan.phones).toEqual([{ row: 2, recordNo: '1', phone: '13912345678' }, { row: 5, recordNo: '3', phone: '13912345678' }])
  expect(scanFile(csvTable('a,b\n1,2\n1,2'))).toEqual({ repeats: [], phones: [] })
})
