/**
 * My referral card (R1–R5, C1, C2): `referral.mine`.
 *  - The card: the member's code (the record number, R1) and the full rules for both sides
 *    (`forFriend`, `forReferrer`) shown before any share action (C1).
 *  - Sharing is the member's own tap, never asked for and never rewarded (C1). weapp: a
 *    `Button openType="share"`; the page answers with the card's own honest title and landing path.
 *    H5: the landing link in a copy box and as a QR poster (`${origin}/#${path}`).
 *  - The friends who came on the member's recommendation (display name only, C2), claimed or paid,
 *    the reward for each (R3, only after the friend paid), the bonus balance (R5) and payouts due.
 *  - The name friends see (issue 10, item 6; C2): the member chooses it (`identity.profile`,
 *    `setDisplayName`); the code shared is the personal, non-guessable referral code, not the record number.
 *  - Issue 12, item 5: the chat share card carries an image (src/assets/share, 5:4); the top-right
 *    menu can share to the timeline (1:1 image, query `c=<code>`: the timeline reopens THIS page, so a
 *    visitor with `c` is sent on to the landing, see timeline-visitor.tsx); a poster with the
 *    mini-program code, made on the member's tap below the rules (components/Poster.tsx).
 */
import { useState } from 'react'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import type { MyReferrals, PublicProfile } from '../../../api/contract'
import { money } from '../../../services/chain'
import { callFunction, type ApiError } from '../../../services/cloud'
import { clinicDate } from '../../../services/format'
import { Loading, PageShell } from '../../../components/PageShell'
import { COMMON, useT, type Msg } from '../../../i18n'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { QrCode } from '../../../components/QrCode'
import { Btn, TextField } from '../../../components/controls'
import { useLoad, useSingleFlight } from '../../../components/hooks'
import { ReferralPoster } from '../../../components/Poster'
import { queryParam } from '../../../services/format'
import shareImage from '../../../assets/share/referral.png'
import timelineImage from '../../../assets/share/referral-square.png'
import { CopyBox, LinesList, h5Link } from '../shared'
import { TimelineVisitor } from './timeline-visitor'
import './index.css'

const isWeapp = process.env.TARO_ENV === 'weapp'

const FRIEND_STATE: Record<MyReferrals['friends'][number]['state'], Msg> = {
  claimed: { zh: '已领券，待到店', en: 'Coupon taken, not visited yet' },
  paid: { zh: '已到店付款', en: 'Visited and paid' },
}

export default function ReferralCardPage() {
  // A friend arriving from the member's timeline share carries the code; the member never does.
  const visitorCode = queryParam(useRouter().params, 'c')
  return visitorCode ? <TimelineVisitor code={visitorCode} /> : <MemberCard />
}

function MemberCard() {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('referral', 'mine', {}))
  const mine = load.data ?? null
  const fallback = { title: t({ zh: '牙友 · 口腔诊所会员与亲友推荐', en: 'Yayou · dental clinic members and friends' }), path: '/pages/index/index', imageUrl: shareImage as string }

  // weapp: WeChat asks what to share when the member taps the share button (or the menu).
  // The card already carries the honest title and the landing path; nothing is recorded for sharing.
  useShareAppMessage(() => (mine ? { title: mine.card.title, path: mine.card.path, imageUrl: shareImage as string } : fallback))
  // The timeline (top-right menu, the member's own tap): this page again, with the personal code only.
  useShareTimeline(() => (mine ? { title: mine.card.title, query: `c=${encodeURIComponent(mine.card.code)}`, imageUrl: timelineImage as string } : { title: fallback.title, imageUrl: timelineImage as string }))

  return (
    <PageShell title='推荐有礼' subtitle='My referral card'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !mine ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {mine ? <CardView mine={mine} onNameChanged={reload} /> : null}
    </PageShell>
  )
}

function CardView({ mine, onNameChanged }: { mine: MyReferrals; onNameChanged: () => void }) {
  const t = useT()
  const { card } = mine
  const link = isWeapp ? '' : h5Link(card.path)
  return (
    <View className='stack'>
      <DisplayNamePanel onChanged={onNameChanged} />
      <View className='fcard'>
        <Text className='fcard__label'>{t({ zh: `${card.referrerDisplayName} 的推荐卡`, en: `${card.referrerDisplayName}'s referral card` })}</Text>
        <Text className='fcard__meta'>{t({ zh: '我的推荐码', en: 'My referral code' })}</Text>
        <Text id='referral-code' className='fcard__value ref-code'>{card.code}</Text>
        <Text className='fcard__meta'>{t({ zh: '朋友到店时报出此号码，与优惠券同样有效', en: 'A friend may also name this code at reception: it counts as the coupon' })}</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>{t({ zh: '推荐规则', en: 'Rules' })}</Text>
        {/* C1: the full rules of the offer, for both sides, before the share action. */}
        <View id='referral-rules'>
          <Text className='rules__head'>{t({ zh: '朋友可得', en: 'For your friend' })}</Text>
          <LinesList id='rules-friend' lines={card.forFriend} />
          <Text className='rules__head'>{t({ zh: '您可得', en: 'For you' })}</Text>
          <LinesList id='rules-referrer' lines={card.forReferrer} />
        </View>

        <View className='ref-share'>
          <Text className='para small muted'>
            {t({
              zh: '是否分享由您决定；分享、注册或点击本身没有奖励，朋友到店付款后才有。',
              en: "Sharing is up to you; nothing is earned for sharing, sign-ups or clicks, only after a friend's paid visit.",
            })}
          </Text>
          {isWeapp ? (
            <Button id='share-referral' className='btn btn--primary' openType='share'>
              {t({ zh: '发送给朋友', en: 'Send to a friend' })}
            </Button>
          ) : (
            <>
              <CopyBox id='referral-link' text={link} label={t({ zh: '复制链接发给朋友', en: 'Copy the link and send it to a friend' })} />
              <View id='referral-poster' className='ref-poster'>
                <QrCode id='referral-qr' text={link} />
                <Text className='muted small'>{t({ zh: '朋友扫码即可领取首诊优惠券', en: 'A friend scans this to take the first-visit coupon' })}</Text>
              </View>
            </>
          )}
          {/* R1: the poster, only on the member's tap, after the rules above (C1). */}
          <ReferralPoster card={card} />
        </View>
      </View>

      <View className='card'>
        <Text className='card__title'>{t({ zh: '我的奖励', en: 'My rewards' })}</Text>
        <View className='ref-money'>
          <View className='ref-money__cell'>
            <Text id='referral-bonus' className='ref-money__n'>{money(mine.bonusBalanceFen)}</Text>
            <Text className='ref-money__label'>{t({ zh: '奖励金余额（下次就诊可抵扣）', en: 'Bonus balance, spendable at your next visit' })}</Text>
          </View>
          <View className='ref-money__cell'>
            <Text id='referral-payouts' className='ref-money__n'>{money(mine.payoutsDueFen)}</Text>
            <Text className='ref-money__label'>{t({ zh: '待发放（如话费充值）', en: 'Payouts due, e.g. a phone top-up' })}</Text>
          </View>
        </View>
      </View>

      <View id='referral-friends' className='card'>
        <Text className='card__title'>{t({ zh: '我推荐的朋友', en: 'Friends I referred' })}</Text>
        {mine.friends.length === 0 ? (
          <View id='referral-friends-empty'>
            <Text className='muted'>{t({ zh: '还没有朋友通过您的推荐到店。', en: 'No friend has come on your recommendation yet.' })}</Text>
          </View>
        ) : null}
        {mine.friends.map((f, i) => (
          <View key={i} id={`referral-friend-${i}`} className='list-row'>
            <View className='row row--between'>
              <Text className='list-row__main'>{f.friendName}</Text>
              <Text className={`ref-pill ref-pill--${f.state}`}>{t(FRIEND_STATE[f.state])}</Text>
            </View>
            <Text className='muted small'>
              {clinicDate(f.at)}
              {f.state === 'paid'
                ? t({ zh: ` · 奖励 ${money(f.rewardFen)}`, en: ` · Reward ${money(f.rewardFen)}` })
                : t({ zh: ' · 付款后发放奖励', en: ' · Rewarded after the friend pays' })}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** R1, C2: the name friends see on this card and its landing; the member changes it here (1–12 characters). */
function DisplayNamePanel({ onChanged }: { onChanged: () => void }) {
  const t = useT()
  const [load, reload] = useLoad(() => callFunction('identity', 'profile', {}))
  const [saved, setSaved] = useState<PublicProfile | null>(null)
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState<ApiError | (Msg & { code: string }) | null>(null)
  const { busy: saving, run } = useSingleFlight()
  const profile = saved ?? load.data ?? null

  async function save() {
    const name = text.trim()
    if (name.length < 1 || name.length > 12) {
      setError({ zh: '称呼需为 1–12 个字', en: 'The name must be 1–12 characters', code: 'VALIDATION' })
      return
    }
    await run(async () => {
      setError(null)
      setSaved(await callFunction('identity', 'setDisplayName', { displayName: name }))
      setEditing(false)
      onChanged() // the card's own title and landing carry the name too
    }, { onError: setError })
  }

  return (
    <View id='display-name-panel' className='card'>
      <ErrorBanner error={error ?? (load.state === 'error' ? load.error : null)} onClose={error ? () => setError(null) : undefined} />
      {load.state === 'error' && !profile ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {profile ? (
        <>
          <View className='row row--between'>
            <View>
              <Text className='muted small'>{t({ zh: '朋友看到的称呼', en: 'The name friends see' })}</Text>
              <Text id='display-name' className='ref-name'>{profile.displayName}</Text>
            </View>
            {!editing ? (
              <Btn id='display-name-edit' variant='secondary' onClick={() => { setText(profile.displayName); setEditing(true); setError(null) }}>{t({ zh: '修改', en: 'Change' })}</Btn>
            ) : null}
          </View>
          {editing ? (
            <View id='display-name-form'>
              <TextField id='display-name-input' value={text} onChange={setText} placeholder={t({ zh: `如：${profile.defaultDisplayName}`, en: `e.g. ${profile.defaultDisplayName}` })} onConfirm={() => void save()} />
              <Text className='muted small'>{t({ zh: `1–12 个字，不要填写手机号。不填真实姓名也可以，例如「${profile.defaultDisplayName}」。`, en: `1–12 characters, not a phone number. It need not be your real name, e.g. "${profile.defaultDisplayName}".` })}</Text>
              <Btn id='display-name-save' disabled={saving} onClick={() => void save()}>{saving ? t({ zh: '保存中…', en: 'Saving…' }) : t({ zh: '保存', en: 'Save' })}</Btn>
              <Btn id='display-name-cancel' variant='plain' onClick={() => { setEditing(false); setError(null) }}>{t({ zh: '取消', en: 'Cancel' })}</Btn>
            </View>
          ) : null}
          <Text className='muted small'>
            {t({ zh: '您的推荐码 ', en: 'Your referral code ' })}<Text id='profile-referral-code' className='ref-code'>{profile.referralCode}</Text>
            {t({ zh: '。朋友只会看到您设置的称呼，看不到您的病历号。', en: '. Friends see only the name you set, never your record number.' })}
          </Text>
        </>
      ) : null}
    </View>
  )
}
