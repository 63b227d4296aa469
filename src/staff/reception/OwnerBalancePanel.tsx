/**
 * M4: a family member pays from the owner's balance with the owner's consent: a standing
 * permission, or a request the owner approves in the app; its id rides on the bill.
 */
import type { MutableRefObject } from 'react'
import { View, Text } from '@tarojs/components'
import type { BalanceRequest } from '../../api/contract'
import { money, moneyUnit } from '../../services/chain'
import { callFunction } from '../../services/cloud'
import type { BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { ownerFen } from './desk'
import { useT } from '../../i18n'

export interface OwnerBalancePanelProps {
  patientId: string
  ownerText: string
  setOwnerText: (v: string) => void
  consentText: string
  setConsentText: (v: string) => void
  consentNeeded: boolean
  consentRequest: BalanceRequest | null
  setConsentRequest: (r: BalanceRequest) => void
  requestingConsent: boolean
  setRequestingConsent: (v: boolean) => void
  consentLock: MutableRefObject<boolean>
  setError: (e: BannerMessage | null) => void
  show: (e: unknown) => void
}

export function OwnerBalancePanel(props: OwnerBalancePanelProps) {
  const { patientId, ownerText, setOwnerText, consentText, setConsentText, consentNeeded, consentRequest, requestingConsent } = props
  const { setConsentRequest, setRequestingConsent, consentLock, setError, show } = props
  const t = useT()

  /** M4: ask the owner (in their app) to approve paying this amount from their balance. */
  async function requestConsent() {
    if (consentLock.current) return
    const owner = ownerFen(ownerText)
    if (!owner.ok || owner.fen === 0) {
      setError(owner.ok ? { zh: '请输入使用主账户余额的金额', en: 'Enter the amount to pay from the owner\'s balance', code: 'VALIDATION' } : owner.message)
      return
    }
    consentLock.current = true
    setRequestingConsent(true)
    setError(null)
    try {
      const r = await callFunction('reception', 'requestOwnerBalance', { patientId, amountFen: owner.fen })
      setConsentRequest(r)
      setConsentText(r.requestId)
    } catch (e) {
      show(e)
    } finally {
      consentLock.current = false
      setRequestingConsent(false)
    }
  }

  return (
    <View id='owner-balance-box' className='owner-balance'>
      <Text className='field-label'>{t({ zh: `使用主账户奖励金（${moneyUnit().zh}，可选）`, en: `Pay from the owner's balance (${moneyUnit().en}, optional)` })}</Text>
      <TextField id='owner-balance' kind='decimal' value={ownerText} onChange={setOwnerText} placeholder='0.00' />
      {consentNeeded || consentRequest ? (
        <View id='consent-box' className='notice notice--warn consent'>
          <Text>{t({ zh: '使用主账户余额需主账户同意。', en: 'The owner must agree to this payment.' })}</Text>
          <Btn id='request-consent' variant='secondary' disabled={requestingConsent} onClick={() => void requestConsent()}>
            {requestingConsent ? t({ zh: '发送中…', en: 'Sending…' }) : t({ zh: '请求主账户同意', en: 'Ask the owner' })}
          </Btn>
          {consentRequest ? (
            <Text id='consent-request' className='small'>
              {t({ zh: '已发送请求 ', en: 'Request ' })}<Text id='consent-request-id'>{consentRequest.requestId}</Text>
              {t({ zh: `（${money(consentRequest.amountFen)}），主账户同意后再预览并收款。`, en: ` sent (${money(consentRequest.amountFen)}); once the owner approves, preview and confirm.` })}
            </Text>
          ) : null}
        </View>
      ) : null}
      {consentNeeded || consentRequest || consentText ? (
        <>
          <Text className='field-label'>{t({ zh: '同意编号', en: 'Consent number' })}</Text>
          <TextField id='consent-id' value={consentText} onChange={setConsentText} placeholder={t({ zh: '主账户同意的请求编号', en: 'The number of the request the owner approved' })} />
        </>
      ) : null}
    </View>
  )
}
