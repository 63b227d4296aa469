/** Why a row of a patient import cannot be imported, in Chinese and English (the report shows zh). */
import type { ErrorMessage } from '../errors'

export type Line = ErrorMessage

const rows = (rs: readonly number[]) => rs.join('、')

export const REASON = {
  required: (zh: string, en: string): Line => ({ zh: `${zh}不能为空`, en: `${en} is required` }),
  recordNoFormat: { zh: '病历号只能包含字母、数字和“-”，最长 20 位', en: 'A record number has only letters, digits and "-", at most 20' },
  nameFormat: { zh: '姓名最长 40 个字，且不能含控制字符', en: 'A name has at most 40 characters and no control characters' },
  phoneFormat: { zh: '手机号须为 11 位中国大陆手机号（1 开头）', en: 'The phone must be an 11-digit mainland mobile number starting with 1' },
  dateFormat: (zh: string, en: string): Line => ({ zh: `${zh}格式应为 年-月-日，如 1985-06-01`, en: `${en} must be a date like 1985-06-01` }),
  notADate: (zh: string, en: string, v: string): Line => ({ zh: `${zh}“${v}”不是真实的日期`, en: `${en} "${v}" is not a calendar date` }),
  dateTooEarly: (zh: string, en: string): Line => ({ zh: `${zh}早于 1900 年`, en: `${en} is before 1900` }),
  dateInFuture: (zh: string, en: string): Line => ({ zh: `${zh}晚于今天`, en: `${en} is after today` }),
  moneyFormat: { zh: '历史消费应为金额，最多两位小数，如 12345.60', en: 'Spend must be an amount with at most 2 decimals, e.g. 12345.60' },
  fenFormat: { zh: '历史消费(分)应为整数（分）', en: 'Spend in fen must be a whole number' },
  moneyNegative: { zh: '历史消费不能为负数', en: 'Spend cannot be negative' },
  moneyTooLarge: { zh: '历史消费超过 10,000,000，请核对', en: 'Spend is above 10,000,000; please check it' },
  clinicUnknown: (v: string): Line => ({ zh: `找不到诊所“${v}”（可填诊所编号或名称）`, en: `No clinic "${v}" (give the clinic id or name)` }),
  clinicAmbiguous: (v: string, names: readonly string[]): Line => ({ zh: `诊所“${v}”不唯一：${names.join('、')}`, en: `Clinic "${v}" matches several: ${names.join(', ')}` }),
  clinicMissing: { zh: '没有填写诊所，也未指定默认诊所', en: 'No clinic given and no default clinic chosen' },
  clinicNotYours: (name: string): Line => ({ zh: `无权导入到“${name}”`, en: `You may not import into "${name}"` }),
  recordNoRepeated: (others: readonly number[]): Line => ({ zh: `病历号在文件中重复（第 ${rows(others)} 行）`, en: `The record number is repeated in the file (rows ${others.join(', ')})` }),
  /** A warning, not a problem: a parent and children often share one phone (docs/identity.md). `capped`: more than listed. */
  phoneShared: (recordNos: readonly string[], capped: boolean): Line => {
    const shown = recordNos.slice(0, 3)
    const more = recordNos.length > shown.length || capped
    const n = capped ? `${recordNos.length} 个以上` : `${recordNos.length} 个`
    const nEn = capped ? `${recordNos.length} or more` : String(recordNos.length)
    return {
      zh: `与病历号 ${shown.join('、')}${more ? ` 等 ${n}档案` : ' '}共用手机号（如家人），一并导入`,
      en: `Shares the phone with record number${recordNos.length > 1 ? 's' : ''} ${shown.join(', ')}${more ? ` and others (${nEn} in all)` : ''}, e.g. a family; imported as well`,
    }
  },
  recordNoAmbiguous: { zh: '系统中该病历号有多条记录，请联系管理员', en: 'Several records in the system have this record number; ask an administrator' },
  otherClinicRecord: (name: string): Line => ({ zh: `该病历号属于“${name}”的患者，无权修改`, en: `This record number belongs to a patient of "${name}"; you may not change it` }),
  idTaken: { zh: '该病历号与系统中另一条记录的编号冲突，请联系管理员', en: 'This record number clashes with another record\'s id; ask an administrator' },
  writeFailed: { zh: '写入时该记录正被修改，本行未导入，请重新导入', en: 'The record changed while it was written; this row was not imported, import again' },
  tooManyCells: { zh: '本行的列数多于表头', en: 'This row has more cells than the header' },
} as const
