/**
 * Friend card code (S1, F4): `pages/card/code/index?cardId=…`. The friend shows it at reception.
 * `friendcard.code` gives a single-use token valid 60 s with its 18-digit short code, shown as a QR,
 * grouped digits and a barcode (CodePanel; never the token as text); it refreshes
 * itself before it lapses (useRotatingCode), so a screenshot or a code already scanned stops
 * working. The balance comes from `friendcard.mine` and is read again with every new code.
 */
import { useCallback, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ReceivedCard } from '../../../api/contract'
import { money } from '../../../services/chain'
import { ApiError, callFunction } from '../../../services/cloud'
import { CARD_STATE_LABEL, clinicDate, queryParam } from '../../../services/format'
import { PageShell } from '../../../components/PageShell'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Btn } from '../../../components/controls'
import { useRotatingCode } from '../../../components/useRotatingCode'
import { useBrightScreen } from '../../../components/useBrightScreen'
import { useT } from '../../../i18n'
import './index.css'
import { CodePanel } from '../../../components/CodePanel'

const NO_CARD = new ApiError('CARD_NOT_FOUND', { zh: '缺少卡号，请从“我的亲友卡”进入', en: 'No card given; open it from My cards' })

export default function CardCodePage() {
  const t = useT()
  const router = useRouter()
  const cardId = queryParam(router.params, 'cardId')
  const [card, setCard] = useState<ReceivedCard | null>(null)

  const fetchCode = useCallback(async () => {
    if (!cardId) throw NO_CARD
    // The balance is read alongside; it also shows when no code can be had (used up, expired).
    const balance = callFunction('friendcard', 'mine', {}).then(
      (mine) => {
        const held = mine.received.find((c) => c.cardId === cardId)
        if (held) setCard(held)
      },
      () => undefined, // the code is what matters here; the banner shows the code's own errors
    )
    try {
      return await callFunction('friendcard', 'code', { cardId })
    } finally {
      await balance
    }
  }, [cardId])
  const { code, secondsLeft, expired, error, refresh } = useRotatingCode(fetchCode, cardId)
  useBrightScreen() // S1: full brightness while the code is shown, the person's own after

  return (
    <PageShell title='亲友卡付款码' subtitle='Friends card code'>
      <ErrorBanner error={error} />
      {card ? (
        <View className='card card-code__head'>
          <View className='kv'>
            <Text className='kv__k'>{t({ zh: '卡内余额', en: 'Balance' })}</Text>
            <Text id='card-code-balance' className='kv__v card-code__balance'>{money(card.balanceFen)}</Text>
          </View>
          <Text id='card-code-state' className='muted small'>{t(CARD_STATE_LABEL[card.state])}</Text>
          <Text className='muted small'>
            {t({ zh: `${card.giverDisplayName} 赠送`, en: `From ${card.giverDisplayName}` })} · {card.expiresAt === null
              ? t({ zh: '已登记，长期有效', en: 'Registered: no expiry' })
              : t({ zh: `有效期至 ${clinicDate(card.expiresAt)}`, en: `Valid until ${clinicDate(card.expiresAt)}` })}
          </Text>
        </View>
      ) : null}
      <CodePanel ids={{ qr: 'card-code-qr', countdown: 'card-code-countdown', digits: 'card-code-digits', barcode: 'card-code-barcode' }} name={{ zh: '付款码', en: 'Card code' }} code={code} secondsLeft={secondsLeft} expired={expired} error={error} />
      <View className='card'>
        <Text className='para'>{t({
          zh: '请在前台出示此码，工作人员扫码后用卡内余额支付治疗费用。每个码只能扫一次，并会定时自动刷新，截图无效。',
          en: 'Show this code at reception; the card pays for treatment. Each code works once and refreshes itself every minute, so a screenshot does not work.',
        })}</Text>
      </View>
      <Btn variant='secondary' onClick={() => void refresh()}>{t({ zh: '立即刷新', en: 'Refresh now' })}</Btn>
    </PageShell>
  )
}
