/**
 * 我的数据 (C2, main package; patients): what the clinic holds about this person, section by
 * section with counts, an export as a file (JSON or a CSV table), the consents they gave and the
 * privacy notice they agreed to. H5 downloads the file; weapp writes it to the user data folder
 * and sends it to a chat (WeChat opens only office and PDF documents, not JSON or CSV).
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ConsentLog, DataExportFile, DataSection, DataSummary, ExportFormat } from '../../api/privacy'
import { PRIVACY_NOTICE } from '../../domain/privacy-notice'
import { callFunction, toApiError, type ApiError } from '../../services/cloud'
import { clinicDateTime } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT, type Msg } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import './index.css'

const SECTIONS: Array<{ key: DataSection; label: Msg; what: Msg }> = [
  { key: 'profile', label: { zh: '档案资料', en: 'Profile' }, what: { zh: '姓名、手机号、出生日期、病历编号、会员等级、累计消费、奖励金余额、绑定的微信', en: 'Name, phone, date of birth, record number, membership, total spending, bonus balance, linked WeChat' } },
  { key: 'visits', label: { zh: '就诊记录', en: 'Visits' }, what: { zh: '每次就诊的日期、门店、项目、金额、折扣、退款和您的评价', en: 'Each visit: date, clinic, treatments, amount, discount, refunds and your rating' } },
  { key: 'ledger', label: { zh: '账户明细', en: 'Account entries' }, what: { zh: '消费、奖励金、亲友卡的每一笔变动', en: 'Every change in spending, bonus and friend cards' } },
  { key: 'messages', label: { zh: '消息', en: 'Messages' }, what: { zh: '我们发给您的提醒和祝福，以及发送结果', en: 'The reminders and greetings we sent you, and whether they arrived' } },
  { key: 'consents', label: { zh: '同意记录', en: 'Consents' }, what: { zh: '订阅提醒和隐私告知的同意时间', en: 'When you agreed to reminders and to the privacy notice' } },
  { key: 'referrals', label: { zh: '推荐', en: 'Referrals' }, what: { zh: '您推荐的朋友（不含对方姓名）、奖励和外部奖励的支付情况', en: "Friends you referred (without their names), rewards and payouts" } },
  { key: 'coupons', label: { zh: '优惠券', en: 'Coupons' }, what: { zh: '您领取的首诊优惠券', en: 'The first-visit coupons you took' } },
  { key: 'cards', label: { zh: '亲友卡', en: 'Friend cards' }, what: { zh: '您赠送和收到的亲友卡及余额', en: 'Friend cards you gave and received, with balances' } },
  { key: 'family', label: { zh: '家庭', en: 'Family' }, what: { zh: '家庭绑定关系和代付授权（家人只显示姓氏）', en: 'Family links and permissions to pay (family shown by surname only)' } },
  { key: 'events', label: { zh: '会员活动', en: 'Member events' }, what: { zh: '活动报名和签到', en: 'Event replies and check-ins' } },
  { key: 'appointments', label: { zh: '预约申请', en: 'Appointment requests' }, what: { zh: '您提交的预约申请、留下的电话和处理状态', en: 'Appointment requests you made, the phone you left and their status' } },
]

type Data = { kind: 'patient'; summary: DataSummary; log: ConsentLog } | { kind: 'not_patient' }

async function loadMyData(): Promise<Data> {
  try {
    const [summary, log] = await Promise.all([callFunction('privacy', 'summary', {}), callFunction('privacy', 'consentLog', {})])
    return { kind: 'patient', summary, log }
  } catch (e) {
    if (toApiError(e).code === 'FORBIDDEN') return { kind: 'not_patient' }
    throw e
  }
}

export default function MyDataPage() {
  const t = useT()
  const [load, reload] = useLoad(loadMyData)
  const data = load.data ?? null
  return (
    <PageShell title='我的数据' subtitle='My data'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !data ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {data?.kind === 'not_patient' ? (
        <View id='mydata-not-patient' className='card'>
          <Text className='para'>{t({ zh: '到店就诊登记并绑定微信后，您可以在这里查看和导出诊所为您保存的信息。', en: 'Once you are registered at the clinic and your WeChat is linked, you can see and export here what the clinic keeps about you.' })}</Text>
        </View>
      ) : null}
      {data?.kind === 'patient' ? (
        <View className='stack'>
          <Sections summary={data.summary} />
          <ExportPanel />
          <ConsentPanel log={data.log} />
        </View>
      ) : null}
    </PageShell>
  )
}

function Sections({ summary }: { summary: DataSummary }) {
  const t = useT()
  return (
    <View id='mydata-sections' className='card'>
      <Text className='card__title'>{t({ zh: '我们保存的信息', en: 'What we keep' })}</Text>
      {SECTIONS.map((s) => (
        <View key={s.key} className='mydata-row'>
          <View className='mydata-row__text'>
            <Text className='mydata-row__label'>{t(s.label)}</Text>
            <Text className='mydata-row__what'>{t(s.what)}</Text>
          </View>
          <Text id={`mydata-count-${s.key}`} className='mydata-row__count'>{s.key === 'profile' ? t({ zh: '1 份', en: '1' }) : t({ zh: `${summary.counts[s.key]} 条`, en: String(summary.counts[s.key]) })}</Text>
        </View>
      ))}
      {summary.truncated.length ? <Text className='notice notice--warn'>{t({ zh: '部分记录较多，导出文件只包含前一万条；如需完整记录，请联系门店前台。', en: 'Some sections are long: the file holds the first 10,000 entries; for the full record, ask at reception.' })}</Text> : null}
    </View>
  )
}

/** weapp: the file in the user data folder, ready to be sent to a chat (only from a tap). */
interface SavedFile { path: string; name: string }

function ExportPanel() {
  const t = useT()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [saved, setSaved] = useState<SavedFile | null>(null)

  const run = async (format: ExportFormat) => {
    setBusy(format)
    setError(null)
    setDone(null)
    try {
      const file = await callFunction('privacy', 'export', { format })
      if (process.env.TARO_ENV === 'h5') download(file)
      else setSaved(writeToUserData(file))
      setDone(file.fileName)
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(null)
    }
  }

  const share = async () => {
    if (!saved) return
    try {
      await Taro.shareFileMessage({ filePath: saved.path, fileName: saved.name })
    } catch (e) {
      setError(toApiError(e))
    }
  }

  return (
    <View id='mydata-export' className='card'>
      <Text className='card__title'>{t({ zh: '导出', en: 'Export' })}</Text>
      <Text className='para small muted'>
        {t({
          zh: '生成一份包含以上全部信息的文件。JSON 适合转交其他机构或程序读取，表格（CSV）可用电子表格软件打开。文件含有您的敏感信息，请妥善保管。',
          en: 'Makes one file with all of the above. JSON suits another organisation or a program; the CSV table opens in a spreadsheet. The file holds sensitive information: keep it safe.',
        })}
      </Text>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Btn id='mydata-export-json' onClick={() => void run('json')} disabled={busy !== null}>{busy === 'json' ? t({ zh: '正在生成…', en: 'Preparing…' }) : t({ zh: '导出（JSON 文件）', en: 'Export (JSON file)' })}</Btn>
      <Btn id='mydata-export-csv' variant='secondary' onClick={() => void run('csv')} disabled={busy !== null}>{busy === 'csv' ? t({ zh: '正在生成…', en: 'Preparing…' }) : t({ zh: '导出（表格 CSV）', en: 'Export (CSV table)' })}</Btn>
      {done ? <Text id='mydata-exported' className='notice'>{t({ zh: '已生成：', en: 'Ready: ' })}{done}</Text> : null}
      {saved ? <Btn id='mydata-share' variant='plain' onClick={() => void share()}>{t({ zh: '发送到聊天（可发给“文件传输助手”）', en: 'Send to a chat (e.g. File Transfer)' })}</Btn> : null}
    </View>
  )
}

/** H5: a real download (Blob + a link with `download`). */
function download(file: DataExportFile) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** weapp: `${USER_DATA_PATH}/<file>` through the file system manager. */
function writeToUserData(file: DataExportFile): SavedFile {
  const path = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  Taro.getFileSystemManager().writeFileSync(path, file.content, 'utf8')
  return { path, name: file.fileName }
}

function ConsentPanel({ log }: { log: ConsentLog }) {
  const t = useT()
  const [showNotice, setShowNotice] = useState(false)
  return (
    <View id='consent-log' className='card'>
      <Text className='card__title'>{t({ zh: '同意记录', en: 'Consents' })}</Text>
      <Text id='consent-privacy' className='para'>
        {log.privacy
          ? t({
            zh: `您于 ${clinicDateTime(log.privacy.acceptedAt)} 同意了《${PRIVACY_NOTICE.title}》（${log.privacy.version}版）。`,
            en: `On ${clinicDateTime(log.privacy.acceptedAt)} you agreed to the privacy notice (version ${log.privacy.version}).`,
          })
          : t({ zh: '尚未记录您对隐私告知书的同意。', en: 'No agreement to the privacy notice is recorded yet.' })}
      </Text>
      <Text id='consent-toggle-notice' className='mydata-link' onClick={() => setShowNotice(!showNotice)}>{showNotice ? t({ zh: '收起告知书', en: 'Hide the notice' }) : t({ zh: '查看告知书全文', en: 'Read the full notice' })}</Text>
      {showNotice ? (
        <View className='mydata-notice'>
          {PRIVACY_NOTICE.sections.map((s) => (
            <View key={s.heading}>
              <Text className='mydata-notice__heading'>{s.heading}</Text>
              {s.paragraphs.map((p) => <Text key={p} className='para small'>{p}</Text>)}
            </View>
          ))}
        </View>
      ) : null}
      {log.standing.length ? <Text className='para small'>{t({ zh: `可直接使用您余额的家人：${log.standing.map((s) => s.memberName).join('、')}`, en: `Family who may pay from your balance: ${log.standing.map((s) => s.memberName).join(', ')}` })}</Text> : null}
      {log.standingFromOwner !== null ? <Text className='para small'>{log.standingFromOwner ? t({ zh: '家庭主账户已允许您直接使用其余额。', en: "The family owner lets you pay from their balance." }) : t({ zh: '使用家庭主账户余额时需对方逐次同意。', en: "Paying from the family owner's balance needs their consent each time." })}</Text> : null}
      <View id='consent-entries'>
        {log.entries.length === 0 ? <Text className='muted small'>{t({ zh: '暂无记录', en: 'Nothing recorded yet' })}</Text> : null}
        {log.entries.map((e, i) => (
          <View key={`${e.at}-${i}`} className='mydata-row'>
            <View className='mydata-row__text'>
              <Text className='mydata-row__label'>{e.what}</Text>
              <Text className='mydata-row__what'>{e.source}</Text>
            </View>
            <Text className='mydata-row__date'>{clinicDateTime(e.at)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
