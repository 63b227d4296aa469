/**
 * F6, F7: the director's view of the friend-card programme (staff cards page): the results, the
 * cards 100 at a time (issue 14: "更多" asks for the next page with the server's cursor), the
 * reminders due, revoking a card with a reason, and the cards' export (Excel / CSV).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CardReminderView, CardState, CardSummary } from '../../api/contract'
import { money } from '../../services/chain'
import { callFunction, toApiError } from '../../services/cloud'
import { CARD_STATE_LABEL, clinicDate } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useLoad, useSingleFlight } from '../../components/hooks'
import { CONFIRM, confirmAction } from '../../components/confirm'
import { Loading } from '../../components/PageShell'
import { COMMON, useT, type Msg } from '../../i18n'
import { ExportButtons } from '../export/ExportButtons'
import { CARDS_EXPORT } from '../export/reports'

type SummaryCard = CardSummary['cards'][number]

/** States in which a card can still be revoked. */
const REVOCABLE: readonly CardState[] = ['issued', 'shared', 'claimed', 'partly_used']

const COUNT_LABEL: Array<[keyof CardSummary['counts'], Msg]> = [
  ['issued', { zh: '已发放', en: 'Issued' }],
  ['shared', { zh: '已分享', en: 'Shared' }],
  ['claimed', { zh: '已领取', en: 'Claimed' }],
  ['registered', { zh: '已到店登记', en: 'Registered' }],
  ['redeemed', { zh: '已使用', en: 'Redeemed' }],
  ['usedUp', { zh: '已用完', en: 'Used up' }],
  ['expired', { zh: '已过期', en: 'Expired' }],
  ['revoked', { zh: '已作废', en: 'Revoked' }],
]

const REMINDER_LABEL: Record<CardReminderView['kind'], Msg> = {
  unshared: { zh: '提醒赠送人：卡未发送', en: 'Giver: not sent yet' },
  unused: { zh: '提醒赠送人：朋友未使用', en: 'Giver: the friend has not used it' },
  expiry: { zh: '提醒朋友：即将到期', en: 'Friend: expires soon' },
}

/** F6, F7: the director's view of the programme, and revoking a card with a reason. */
export function Programme({ onError }: { onError: (e: BannerMessage | null) => void }) {
  const [load, reload] = useLoad(async () => {
    const [summary, reminders] = await Promise.all([callFunction('friendcard', 'summary', {}), callFunction('friendcard', 'reminders', {})])
    return { summary, reminders }
  })
  const t = useT()
  const [revoking, setRevoking] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const flight = useSingleFlight()
  const busy = flight.busy
  // Pages after the first and the next cursor (null: only the first page is shown; a refresh starts there again).
  const [more, setMore] = useState<{ cards: SummaryCard[]; next?: string } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const data = load.data ?? null
  const cards = data ? [...data.summary.cards, ...(more?.cards ?? [])] : []
  const nextBefore = more ? more.next : data?.summary.nextBefore
  const refresh = () => { setMore(null); reload() }

  async function loadMore() {
    if (!nextBefore || loadingMore) return
    setLoadingMore(true)
    onError(null)
    try {
      const page = await callFunction('friendcard', 'summary', { before: nextBefore })
      setMore((m) => ({ cards: [...(m?.cards ?? []), ...page.cards], next: page.nextBefore }))
    } catch (e) {
      onError(toApiError(e))
    } finally {
      setLoadingMore(false)
    }
  }

  async function revoke() {
    if (!revoking || flight.held()) return
    if (reason.trim().length < 2) {
      onError({ zh: '请填写作废原因（至少 2 个字）', en: 'Give a reason for revoking (at least 2 characters)', code: 'VALIDATION' })
      return
    }
    // Issue 12: the balance on the card is lost; asked first, naming whose card and how much.
    const card = cards.find((c) => c.cardId === revoking)
    const holder = card ? card.friendName ?? card.giverName : t({ zh: '持卡人', en: 'the holder' })
    onError(null)
    // S3: one revocation at a time, the dialog asked while the lock is held.
    await flight.run(async () => {
      await callFunction('friendcard', 'revoke', { cardId: revoking, reason: reason.trim() })
      setRevoking(null)
      setReason('')
      refresh()
    }, { confirm: () => confirmAction(CONFIRM.revokeCard(holder, card?.balanceFen ?? 0)), onError })
  }

  if (load.state === 'error') {
    return (
      <View className='card'>
        <ErrorBanner error={load.error} />
        <Btn variant='secondary' onClick={refresh}>{t(COMMON.retry)}</Btn>
      </View>
    )
  }
  if (!data) return <Loading />
  const { summary: s, reminders } = data

  return (
    <>
      <View id='summary' className='card'>
        <Text className='card__title'>{t({ zh: '项目成效', en: 'Results' })}</Text>
        <View id='summary-counts' className='counts'>
          {COUNT_LABEL.map(([k, label]) => (
            <View key={k} className='counts__cell'>
              <Text id={`summary-count-${k}`} className='counts__n'>{s.counts[k]}</Text>
              <Text className='counts__label'>{t(label)}</Text>
            </View>
          ))}
        </View>
        <View className='kv'><Text className='kv__k'>{t({ zh: '卡内已使用', en: 'Redeemed from cards' })}</Text><Text id='summary-redeemed' className='kv__v'>{money(s.redeemedFen)}</Text></View>
        <View className='kv kv--due'><Text className='kv__k'>{t({ zh: '朋友到店实付', en: 'What friends paid' })}</Text><Text id='summary-revenue' className='kv__v'>{money(s.friendsRevenueFen)}</Text></View>
        <Text className='muted small'>{t({ zh: '朋友领卡后在本院实际支付的金额（不含亲友卡支付部分）。', en: 'What friends paid themselves since claiming, card value not included.' })}</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>{t({ zh: '全部亲友卡', en: 'All cards' })}</Text>
        <View id='summary-list' className='summary-list'>
          {cards.length === 0 ? <Text className='muted'>{t({ zh: '暂无', en: 'None' })}</Text> : null}
          {cards.map((c) => (
            <View key={c.cardId} id={`summary-card-${c.cardId}`} className='summary-row'>
              <View className='row row--between'>
                <Text className='summary-row__who'>{personLine(c.giverName, c.giverMaskedPhone)} → {c.friendName ? personLine(c.friendName, c.friendMaskedPhone) : t(c.state === 'issued' || c.state === 'shared' ? { zh: '尚未领取', en: 'not claimed yet' } : { zh: '尚未到店登记', en: 'not registered yet' })}</Text>
                <Text className={`state state--${c.state}`}>{t(CARD_STATE_LABEL[c.state])}</Text>
              </View>
              <Text className='muted small'>{t({ zh: `余额 ${money(c.balanceFen)} · 朋友实付 ${money(c.friendSpendFen)}`, en: `Balance ${money(c.balanceFen)} · friend paid ${money(c.friendSpendFen)}` })}</Text>
              {REVOCABLE.includes(c.state) ? (
                revoking === c.cardId ? (
                  <View className='revoke'>
                    <Text className='field-label'>{t({ zh: '作废原因', en: 'Reason' })}</Text>
                    <TextField id='revoke-reason' value={reason} onChange={setReason} placeholder={t({ zh: '如：误发', en: 'e.g. issued by mistake' })} onConfirm={() => void revoke()} />
                    <View className='row'>
                      <Btn id='revoke-confirm' variant='primary' className='grow btn--danger' disabled={busy} onClick={() => void revoke()}>
                        {busy ? t({ zh: '作废中…', en: 'Revoking…' }) : t({ zh: '确认作废', en: 'Revoke' })}
                      </Btn>
                      <Btn id='revoke-cancel' variant='plain' onClick={() => { setRevoking(null); setReason('') }}>{t({ zh: '取消', en: 'Cancel' })}</Btn>
                    </View>
                  </View>
                ) : (
                  <Text id={`revoke-${c.cardId}`} className='summary-row__revoke' onClick={() => { setRevoking(c.cardId); setReason('') }}>{t({ zh: '作废…', en: 'Revoke…' })}</Text>
                )
              ) : null}
            </View>
          ))}
        </View>
        <Text id='summary-shown' className='muted small' data-count={cards.length}>{t({ zh: `已显示 ${cards.length} 张，新发的在前`, en: `${cards.length} cards shown, newest first` })}</Text>
        {nextBefore ? (
          <Btn id='summary-more' variant='secondary' disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? t({ zh: '加载中…', en: 'Loading…' }) : t({ zh: '更多', en: 'More' })}
          </Btn>
        ) : null}
        {cards.length > 0 ? <ExportButtons id='cards-export' report={CARDS_EXPORT} rows={cards} stamp={clinicDate(new Date().toISOString())} onError={onError} /> : null}
      </View>

      <View className='card'>
        <Text className='card__title'>{t({ zh: '待发提醒', en: 'Reminders due' })}</Text>
        <Text className='muted small'>{t({ zh: '每条提醒只发送一次。', en: 'Each reminder is sent once.' })}</Text>
        <View id='reminders-list' className='reminders'>
          {reminders.length === 0 ? <Text className='muted'>{t({ zh: '暂无', en: 'None due' })}</Text> : null}
          {reminders.map((r) => (
            <View key={r.key} className='reminder' data-key={r.key}>
              <Text className='reminder__kind'>{t(REMINDER_LABEL[r.kind])} · {t(r.kind === 'expiry' ? { zh: `到期前 ${r.days} 天`, en: `${r.days} days before expiry` } : { zh: `第 ${r.days} 天`, en: `day ${r.days}` })}</Text>
            </View>
          ))}
        </View>
      </View>
    </>
  )
}

/** F7, C2: a person as staff see them: the record's name and the phone masked. */
const personLine = (name: string, maskedPhone?: string) => (maskedPhone ? `${name}（${maskedPhone}）` : name)
