/**
 * Binding by the desk's one-time code (issue 10, item 3): proof of presence. Reception looks the
 * patient up and shows a signed, short-lived, single-use code; the patient scans it here (weapp:
 * the in-app scanner) or pastes its text (H5). WeChat's camera may also open this page with the
 * code as `b` in the query: then it is filled in and the patient confirms with one tap.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { useT } from '../../i18n'
import { deskToken } from './deskCode'
import type { BindingStepProps } from './PhoneBinding'

const isWeapp = process.env.TARO_ENV === 'weapp'

const NOT_A_CODE = { zh: '这不是前台绑定码，请重新扫描或粘贴', en: 'This is not a binding code from the desk; scan or paste it again', code: 'VALIDATION' }

export function DeskCodeBinding({ onBound, onError, fromLink }: Omit<BindingStepProps, 'onUseDeskCode'> & { fromLink: string }) {
  const t = useT()
  const [text, setText] = useState(fromLink)
  const { busy, run } = useSingleFlight()

  async function bind(raw: string) {
    const token = deskToken(raw)
    if (!token) return onError(NOT_A_CODE)
    await run(async () => {
      const { persona } = await callFunction('identity', 'bindByDeskCode', { token })
      onBound(persona)
    }, { onError })
  }

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      // A plain QR gives its text; a mini-program code gives the page path with `b`.
      await bind(res.result || (res as { path?: string }).path || '')
    } catch (e) {
      if (/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return // closed the camera
      onError(e)
    }
  }

  return (
    <View id='bind-desk-box' className='card'>
      <Text className='card__title'>{t({ zh: '扫描前台绑定码', en: 'Scan the desk code' })}</Text>
      <Text className='para small muted'>{t({ zh: '请前台工作人员为您出示绑定码。绑定码 5 分钟内有效，只能使用一次。', en: 'Ask reception to show you a binding code. It is valid for 5 minutes and works once.' })}</Text>
      {fromLink && deskToken(fromLink) ? (
        <View id='bind-desk-from-link' className='notice'>
          <Text>{t({ zh: '已读取前台绑定码，确认后即可绑定。', en: 'The desk code is read; confirm to link your record.' })}</Text>
        </View>
      ) : null}
      {isWeapp ? (
        <>
          {fromLink ? <Btn id='bind-desk-submit' disabled={busy} onClick={() => void bind(fromLink)}>{busy ? t({ zh: '绑定中…', en: 'Linking…' }) : t({ zh: '确认绑定', en: 'Confirm' })}</Btn> : null}
          <Btn id='bind-scan' variant={fromLink ? 'secondary' : 'primary'} disabled={busy} onClick={() => void scan()}>{t({ zh: '扫一扫', en: 'Scan' })}</Btn>
        </>
      ) : (
        <>
          <Text className='field-label'>{t({ zh: '绑定码', en: 'Binding code' })}</Text>
          <TextField id='bind-desk-token' value={text} onChange={setText} placeholder={t({ zh: '粘贴前台给您的绑定码', en: 'Paste the code reception gave you' })} onConfirm={() => void bind(text)} />
          <Btn id='bind-desk-submit' disabled={busy} onClick={() => void bind(text)}>{busy ? t({ zh: '绑定中…', en: 'Linking…' }) : t({ zh: '绑定', en: 'Link' })}</Btn>
        </>
      )}
    </View>
  )
}
