/**
 * My cards (亲友卡): `friendcard.mine`.
 *  - Given cards (F1): only once staff issued one — a surprise, so nothing here hints at it before.
 *    For a card not claimed yet: the full rules (C1) and then the member's own share action (F3).
 *    weapp: a `Button openType="share"`; the page's share handler asks `friendcard.share` for the
 *    honest title and the claim path (no reward for sharing, C1). H5: the same call, then the link
 *    in a selectable box with a copy button.
 *  - Received cards: the giver's display name only (C2), balance, expiry ("已登记，长期有效" once
 *    registered, F5) and the way to the payment code.
 */
import { useRef, useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import type { CardShare, GivenCard, MyCards, ReceivedCard } from '../../api/contract'
import { money } from '../../services/chain'
import { callFunction, toApiError, type ApiError } from '../../services/cloud'
import { CARD_STATE_LABEL, clinicDate, h5Link } from '../../services/format'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, lang, pick, useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { CardRulesList } from '../../components/CardRules'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import shareImage from '../../assets/share/friendcard.png'
import './index.css'
import { CopyBox } from '../../components/CopyBox'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** A card the giver may still send: issued or shared, not claimed, not over. */
const shareable = (c: GivenCard) => c.state === 'issued' || c.state === 'shared'
/** A card the friend may still pay with. */
const usable = (c: ReceivedCard) => c.state === 'claimed' || c.state === 'partly_used'
const over = (state: GivenCard['state']) => state === 'used_up' || state === 'expired' || state === 'revoked'

export default function CardsPage() {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('friendcard', 'mine', {}))
  const [error, setError] = useState<ApiError | null>(null)
  const [sharing, setSharing] = useState<string | null>(null)
  const [shared, setShared] = useState<{ cardId: string; link: string } | null>(null)
  /** weapp: the card whose share button was tapped last (the share event names it too). */
  const tapped = useRef<string | null>(null)
  /** While a reload runs (after sharing), the cards already shown stay on screen. */
  const cards = load.data ?? null

  // weapp: WeChat asks the page what to share when the member taps a share button (or the menu).
  // The answer comes from `friendcard.share` at that moment; WeChat waits up to 3 s for it and
  // otherwise sends the plain home page, never a made-up card link.
  useShareAppMessage((res) => {
    const fromButton = res.from === 'button'
    const target = res.target as { dataset?: Record<string, unknown> } | undefined
    const cardId = fromButton ? String(target?.dataset?.cardId ?? tapped.current ?? '') : ''
    // Issue 12, item 5: the chat card shows a picture of our own (5:4), not a screenshot of this page.
    const fallback = { title: pick({ zh: '牙友 · 口腔诊所会员与亲友推荐', en: 'Yayou: dental clinic membership and friends' }, lang()), path: '/pages/index/index', imageUrl: shareImage as string }
    if (!cardId) return fallback
    const promise = callFunction('friendcard', 'share', { cardId }).then(
      (s) => {
        reload() // the card now shows "shared"
        return { title: s.title, path: s.path, imageUrl: shareImage as string }
      },
      (e: unknown) => {
        setError(toApiError(e))
        return fallback
      },
    )
    return { ...fallback, promise }
  })

  /** H5: the member's own tap; the card becomes "shared" and the link appears to copy. */
  async function shareOnH5(cardId: string) {
    setSharing(cardId)
    setError(null)
    try {
      const s: CardShare = await callFunction('friendcard', 'share', { cardId })
      setShared({ cardId, link: h5Link(s.path) })
      reload()
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setSharing(null)
    }
  }

  return (
    <PageShell title='我的亲友卡' subtitle='My friend cards'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {load.state === 'loading' && !cards ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {cards ? (
        <View className='stack'>
          {cards.given.length > 0 ? (
            <View id='given-cards' className='stack'>
              <Text className='section-title'>{t({ zh: '我赠出的卡', en: 'Cards to give' })}</Text>
              {cards.given.map((c) => (
                <GivenCardView
                  key={c.cardId}
                  card={c}
                  cards={cards}
                  sharing={sharing === c.cardId}
                  link={shared?.cardId === c.cardId ? shared.link : null}
                  onShareH5={() => void shareOnH5(c.cardId)}
                  onShareTap={() => { tapped.current = c.cardId }}
                />
              ))}
            </View>
          ) : null}

          <View id='received-cards' className='stack'>
            <Text className='section-title'>{t({ zh: '我收到的卡', en: 'Cards I received' })}</Text>
            {cards.received.length === 0 ? (
              <View id='received-empty' className='card'>
                <Text className='muted'>{t({ zh: '暂无亲友卡。朋友赠送给您的亲友卡，领取后会显示在这里。', en: 'No cards yet. A card a friend gives you appears here once you claim it.' })}</Text>
              </View>
            ) : null}
            {cards.received.map((c) => <ReceivedCardView key={c.cardId} card={c} />)}
            {/* F6, N3: expiry reminders come only if the friend subscribes; the inbox is where to. */}
            {cards.received.length > 0 ? (
              <Text id='goto-inbox' className='link-row' onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}>
                {t({ zh: '消息与到期提醒 ›', en: 'Messages and expiry reminders ›' })}
              </Text>
            ) : null}
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}

function GivenCardView({ card: c, cards, sharing, link, onShareH5, onShareTap }: {
  card: GivenCard
  cards: MyCards
  sharing: boolean
  link: string | null
  onShareH5: () => void
  onShareTap: () => void
}) {
  const t = useT()
  const state = CARD_STATE_LABEL[c.state]
  return (
    <View id={`given-${c.cardId}`} className='card given'>
      <View className={`fcard ${over(c.state) ? 'fcard--over' : ''}`}>
        <Text className='fcard__label'>{t({ zh: '亲友储值卡', en: 'Friends card' })}</Text>
        <Text id={`given-state-${c.cardId}`} className='fcard__state'>{t(state)}</Text>
        <Text className='fcard__value'>{money(c.faceValueFen)}</Text>
        <Text className='fcard__meta'>{t({ zh: '余额 ', en: 'Balance ' })}<Text id={`given-balance-${c.cardId}`}>{money(c.balanceFen)}</Text></Text>
        <Text className='fcard__meta'>
          {c.registered
            ? t({ zh: '朋友已到店登记，长期有效', en: 'Your friend registered: no expiry' })
            : t({ zh: `有效期至 ${clinicDate(c.expiresAt)}`, en: `Valid until ${clinicDate(c.expiresAt)}` })}
        </Text>
      </View>

      {c.friendName ? (
        <View className='kv'>
          <Text className='kv__k'>{t({ zh: '领取人', en: 'Claimed by' })}</Text>
          <Text id={`given-friend-${c.cardId}`} className='kv__v'>{c.friendName}</Text>
        </View>
      ) : null}
      {c.friendName ? (
        <View className='kv'>
          <Text className='kv__k'>{t({ zh: '到店登记', en: 'Registered' })}</Text>
          <Text id={`given-registered-${c.cardId}`} className='kv__v'>{t(c.registered ? { zh: '已登记', en: 'Yes' } : { zh: '未登记', en: 'Not yet' })}</Text>
        </View>
      ) : null}

      {shareable(c) ? (
        <View className='share'>
          {/* C1: the full rules come before the share action. */}
          <Text className='card__title share__title'>{t({ zh: '赠卡规则', en: 'Rules' })}</Text>
          <CardRulesList id={`rules-${c.cardId}`} rules={cards.rules} />
          <Text className='para small muted'>
            {t({ zh: '只能由一位朋友领取，先领先得；分享不会给您带来任何奖励。', en: 'One friend can claim it, first come first served. Sharing earns you nothing; it is a gift.' })}
          </Text>
          {isWeapp ? (
            <Button
              id={`share-btn-${c.cardId}`}
              className='btn btn--primary'
              openType='share'
              data-card-id={c.cardId}
              onClick={onShareTap}
            >
              {t({ zh: '发送给朋友', en: 'Send to a friend' })}
            </Button>
          ) : (
            <Btn id={`share-btn-${c.cardId}`} disabled={sharing} onClick={onShareH5}>
              {sharing ? t({ zh: '生成链接…', en: 'Preparing the link…' }) : t({ zh: '发送给朋友', en: 'Send to a friend' })}
            </Btn>
          )}
          {!isWeapp && link ? <CopyBox id='share-link' text={link} label={t({ zh: '链接已生成，复制后发给一位朋友', en: 'Copy the link and send it to one friend' })} /> : null}
        </View>
      ) : null}
    </View>
  )
}

function ReceivedCardView({ card: c }: { card: ReceivedCard }) {
  const t = useT()
  const state = CARD_STATE_LABEL[c.state]
  return (
    <View id={`received-${c.cardId}`} className='card received'>
      <View className={`fcard ${usable(c) ? '' : 'fcard--over'}`}>
        <Text className='fcard__label'>
          {t({ zh: '', en: 'A friends card from ' })}<Text id={`received-giver-${c.cardId}`}>{c.giverDisplayName}</Text>{t({ zh: ' 赠送的亲友卡', en: '' })}
        </Text>
        <Text className='fcard__state'>{t(state)}</Text>
        <Text id={`received-balance-${c.cardId}`} className='fcard__value'>{money(c.balanceFen)}</Text>
        <Text className='fcard__meta'>{t({ zh: '面值 ', en: 'Face value ' })}{money(c.faceValueFen)}</Text>
        <Text id={`received-expiry-${c.cardId}`} className='fcard__meta'>
          {c.expiresAt === null
            ? t({ zh: '已登记，长期有效', en: 'Registered: no expiry' })
            : t({ zh: `有效期至 ${clinicDate(c.expiresAt)}`, en: `Valid until ${clinicDate(c.expiresAt)}` })}
        </Text>
      </View>
      {usable(c) ? (
        <Btn id={`show-code-${c.cardId}`} onClick={() => void Taro.navigateTo({ url: `/pages/card/code/index?cardId=${encodeURIComponent(c.cardId)}` })}>
          {t({ zh: '出示付款码', en: 'Show the code' })}
        </Btn>
      ) : null}
    </View>
  )
}
