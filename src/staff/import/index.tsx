/**
 * Patient import (staff subpackage; director and admin): the clinic's records from its previous
 * system. Choose or paste a file, check it (a dry run: the per-row report, nothing written), then
 * import after a confirmation. The server checks everything again and writes only rows without
 * problems; importing the same file again updates, never duplicates (docs/import.md).
 */
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { ImportReport } from '../../api/records'
import { can } from '../../domain/permissions'
import { callFunction, toApiError } from '../../services/cloud'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { StaffPage, type StaffPersona } from '../../components/StaffPage'
import { FilePicker } from './FilePicker'
import { Report } from './Report'
import { MAX_XLSX_BYTES, newRunId, prepare, problemRows, sendFile, warningRows, type PickedFile, type Prepared } from './upload'
import './index.css'
import { useT } from '../../i18n'

const isH5 = process.env.TARO_ENV === 'h5'

export default function StaffImportPage() {
  const t = useT()
  return (
    <StaffPage title='患者导入' subtitle='Import patients'>
      {(staff) => (can(staff, 'records', 'importPatients')
        ? <ImportDesk key={staff.staffId} staff={staff} />
        : <View id='import-forbidden' className='card'><Text className='muted'>{t({ zh: '仅院长和管理员可以导入患者档案。', en: 'Only the director and administrators can import patient records.' })}</Text></View>)}
    </StaffPage>
  )
}

type Busy = { what: 'check' | 'import'; done: number; total: number } | null

function ImportDesk({ staff }: { staff: StaffPersona }) {
  const t = useT()
  const [clinics] = useLoad(() => callFunction('team', 'clinics', {}))
  const [clinicId, setClinicId] = useState(staff.clinicId)
  const [file, setFile] = useState<(PickedFile & { prep: Prepared }) | null>(null)
  const [dry, setDry] = useState<ImportReport | null>(null)
  const [done, setDone] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [error, setError] = useState<BannerMessage | null>(null)
  const runId = useRef(newRunId())
  const list = clinics.data ?? []
  const nameOf = (id: string) => list.find((c) => c.clinicId === id)?.name ?? id

  function pick(f: PickedFile) {
    setError(null)
    setDry(null)
    setDone(null)
    runId.current = newRunId()
    if (f.format === 'xlsx' && f.bytes > MAX_XLSX_BYTES) {
      setFile(null)
      const kb = Math.ceil(f.bytes / 1024)
      setError({
        zh: `XLSX 文件较大（${kb} KB），无法直接上传；请在表格软件中“另存为 CSV（UTF-8）”后导入，CSV 会自动分批上传。`,
        en: `This XLSX file is too large to upload at once (${kb} KB); save it as CSV (UTF-8) in your spreadsheet program and import that: a CSV is sent in parts.`,
      })
      return
    }
    setFile({ ...f, prep: prepare(f) })
  }

  function chooseClinic(id: string) {
    setClinicId(id)
    setDry(null) // the check was for the other clinic
  }

  async function send(dryRun: boolean) {
    if (!file || busy) return
    setError(null)
    const what = dryRun ? 'check' : 'import'
    setBusy({ what, done: 0, total: 1 })
    try {
      const r = await sendFile(file, file.prep, { dryRun, defaultClinicId: clinicId, runId: dryRun ? undefined : runId.current, onPart: (d, n) => setBusy({ what, done: d, total: n }) })
      if (dryRun) setDry(r)
      else setDone(r)
    } catch (e) {
      const err = toApiError(e)
      setError(dryRun ? err : {
        zh: `${err.zh}（已上传的部分已导入，可再次点击导入继续，不会重复）`,
        en: `${err.en} (the parts sent before were imported; tap import again to go on, nothing is duplicated)`,
        code: err.code,
      })
    } finally {
      setBusy(null)
    }
  }

  async function confirmImport() {
    if (!dry) return
    const warned = warningRows(dry)
    const res = await Taro.showModal({
      title: t({ zh: '确认导入', en: 'Import?' }),
      content: t({
        zh: `将导入 ${dry.ok} 行：新建 ${dry.created} 份档案，更新 ${dry.updated} 份${warned ? `（其中 ${warned} 行有提示，如与家人共用手机号）` : ''}。有问题的 ${problemRows(dry)} 行不会导入。`,
        en: `${dry.ok} rows will be imported: ${dry.created} new records, ${dry.updated} updated${warned ? ` (${warned} rows with a note, e.g. a phone shared in a family)` : ''}. The ${problemRows(dry)} rows with problems are not imported.`,
      }),
      confirmText: t({ zh: '导入', en: 'Import' }),
      cancelText: t({ zh: '取消', en: 'Cancel' }),
    })
    if (res.confirm) await send(false)
  }

  function reset() {
    setFile(null)
    setDry(null)
    setDone(null)
    setError(null)
  }

  const part = busy && busy.total > 1 ? { n: Math.min(busy.done + 1, busy.total), of: busy.total } : null
  const progress = !busy ? '' : t(busy.what === 'check'
    ? { zh: `正在检查… ${part ? `第 ${part.n} / ${part.of} 批` : ''}`, en: `Checking… ${part ? `part ${part.n} of ${part.of}` : ''}` }
    : { zh: `正在导入… ${part ? `第 ${part.n} / ${part.of} 批` : ''}`, en: `Importing… ${part ? `part ${part.n} of ${part.of}` : ''}` })
  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {done ? (
        <>
          <Report report={done} clinicName={nameOf} />
          <Btn id='import-again' variant='secondary' onClick={reset}>{t({ zh: '导入另一个文件', en: 'Import another file' })}</Btn>
        </>
      ) : (
        <>
          <FilePicker onPick={pick} onError={setError} />
          <View className='card'>
            <Text className='card__title'>{t({ zh: '未填写诊所的行导入到', en: 'Rows without a clinic go to' })}</Text>
            <ClinicSelect value={clinicId} options={list.length ? list.map((c) => ({ id: c.clinicId, name: c.name })) : [{ id: staff.clinicId, name: staff.clinicId }]} onChange={chooseClinic} />
          </View>
          {file ? (
            <View className='card'>
              <Text id='import-file-name' className='para'>{t({ zh: '文件：', en: 'File: ' })}{file.name}（{file.prep.parts ? t({ zh: `${file.prep.parts.length} 批上传`, en: `sent in ${file.prep.parts.length} parts` }) : 'XLSX'}）</Text>
              <Btn id='import-check' variant={dry ? 'secondary' : 'primary'} disabled={Boolean(busy)} onClick={() => void send(true)}>{dry ? t({ zh: '重新检查', en: 'Check again' }) : t({ zh: '检查文件（不会写入）', en: 'Check the file (nothing is written)' })}</Btn>
              {dry && dry.ok > 0 ? <Btn id='import-run' disabled={Boolean(busy)} onClick={() => void confirmImport()}>{t({ zh: `导入 ${dry.ok} 行`, en: `Import ${dry.ok} rows` })}</Btn> : null}
              {busy ? <Text id='import-progress' className='muted para'>{progress}</Text> : null}
            </View>
          ) : null}
          {dry ? <Report report={dry} clinicName={nameOf} /> : null}
        </>
      )}
    </View>
  )
}

function ClinicSelect({ value, options, onChange }: { value: string; options: Array<{ id: string; name: string }>; onChange: (id: string) => void }) {
  if (isH5) {
    return (
      <select id='import-clinic' className='field' value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    )
  }
  const index = Math.max(0, options.findIndex((o) => o.id === value))
  return (
    <Picker mode='selector' range={options.map((o) => o.name)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]?.id ?? value)}>
      <View id='import-clinic' className='field import-clinic'>{options[index]?.name ?? ''}</View>
    </Picker>
  )
}
