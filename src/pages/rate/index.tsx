/**
 * Rate a visit (Q1, R7): `pages/rate/index?billId=…`. 0–10, an optional comment, submit →
 * `referral.rate`. A promoter is invited (never pushed) to refer, with the way to the referral
 * card; a detractor is told the clinic will be in touch (a follow-up task for staff) and is never
 * asked to refer.
 */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { RatingResult } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { queryParam } from '../../services/format'
import { PageShell } from '../../components/PageShell'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { useSingleFlight } from '../../components/hooks'
import { useT } from '../../i18n'
import './index.css'

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

export default function RatePage() {
  const t = useT()
  const router = useRouter()
  const billId = queryParam(router.params, 'billId')
  const [score, setScore] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<BannerMessage | null>(billId ? null : { zh: '链接不完整，缺少就诊记录', en: 'The link is incomplete: no visit given', code: 'VALIDATION' })
  const [result, setResult] = useState<RatingResult | null>(null)
  const { busy: sending, held, run } = useSingleFlight()

  async function submit() {
    if (held() || !billId) return
    if (score === null) {
      setError({ zh: '请先选择 0–10 分', en: 'Choose a score from 0 to 10 first', code: 'VALIDATION' })
      return
    }
    await run(async () => {
      setError(null)
      const text = comment.trim()
      setResult(await callFunction('referral', 'rate', text ? { billId, score, comment: text } : { billId, score }))
    }, { onError: setError })
  }

  return (
    <PageShell title='就诊评价' subtitle='How was your visit?'>
      <ErrorBanner error={error} onClose={billId ? () => setError(null) : undefined} />
      {result ? (
        <ResultView result={result} />
      ) : billId ? (
        <View className='card'>
          <Text className='card__title'>{t({ zh: '您有多大可能把我们推荐给亲友？', en: 'How likely are you to recommend us to a friend or relative?' })}</Text>
          <View id='scores' className='scores'>
            {SCORES.map((n) => (
              <Btn key={n} id={`score-${n}`} variant='plain' className={`score ${score === n ? 'score--on' : ''}`} onClick={() => setScore(n)}>
                {String(n)}
              </Btn>
            ))}
          </View>
          <View className='scores__ends'><Text>{t({ zh: '0 不会', en: '0 not at all' })}</Text><Text>{t({ zh: '10 非常愿意', en: '10 very likely' })}</Text></View>
          <Text className='field-label'>{t({ zh: '想对我们说的话（可选）', en: 'Anything to tell us? (optional)' })}</Text>
          <TextField id='rate-comment' value={comment} onChange={setComment} placeholder={t({ zh: '如：等待时间、服务、治疗感受', en: 'e.g. waiting time, service, how the treatment felt' })} />
          <Btn id='rate-submit' disabled={sending} onClick={() => void submit()}>
            {sending ? t({ zh: '提交中…', en: 'Sending…' }) : t({ zh: '提交评价', en: 'Submit' })}
          </Btn>
        </View>
      ) : null}
    </PageShell>
  )
}

function ResultView({ result: r }: { result: RatingResult }) {
  const t = useT()
  return (
    <View id='rate-result' className='stack'>
      <View className='notice'>
        <Text>{t({ zh: '感谢您的评价！', en: 'Thank you for your rating!' })}</Text>
      </View>
      {r.sentiment === 'detractor' ? (
        <View id='follow-up-note' className='notice notice--warn'>
          <Text>{t({ zh: '很抱歉这次没有让您满意，我们会尽快联系您。', en: 'We are sorry this visit fell short; we will contact you soon.' })}</Text>
        </View>
      ) : null}
      {r.askToRefer && r.sentiment === 'promoter' ? (
        <View id='ask-refer' className='card'>
          <Text className='card__title'>{t({ zh: '愿意把我们介绍给亲友吗？', en: 'Would you recommend us to a friend?' })}</Text>
          <Text className='para'>
            {t({
              zh: '朋友首次到店可享首诊优惠；朋友到店付款后，您也会获得奖励。是否推荐完全由您决定。',
              en: 'Your friend gets a first-visit offer, and you are rewarded after their paid visit. It is entirely up to you.',
            })}
          </Text>
          <Btn id='goto-referral-card' onClick={() => void Taro.navigateTo({ url: '/pages/referral/card/index' })}>
            {t({ zh: '查看我的推荐卡', en: 'My referral card' })}
          </Btn>
        </View>
      ) : null}
    </View>
  )
}
