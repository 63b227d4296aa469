/**
 * A friend who opens the member's timeline share (朋友圈) lands on THIS page with `?c=<code>`:
 * WeChat's timeline share can only reopen the page it was shared from. The friend never sees the
 * member's own card (nothing of it is even asked for, C2). In the full mini-program the page moves
 * on to the referral landing at once; in the timeline's single-page mode (scene 1154) page changes
 * and cloud calls are not allowed, so it says how to continue: WeChat's own "前往小程序" bar opens
 * the full mini-program on this same link, which then moves on to the landing.
 */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useT } from '../../../i18n'

/** Scene 1154: the page was opened from a timeline share in single-page mode. */
const SINGLE_PAGE_SCENE = 1154

function inSinglePageMode(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    return Taro.getEnterOptionsSync().scene === SINGLE_PAGE_SCENE
  } catch {
    return false
  }
}

export const landingUrl = (code: string) => `/pages/referral/index?c=${encodeURIComponent(code)}`

export function TimelineVisitor({ code }: { code: string }) {
  const t = useT()
  const singlePage = inSinglePageMode()
  useEffect(() => {
    if (!singlePage) void Taro.redirectTo({ url: landingUrl(code) })
  }, [code, singlePage])
  return (
    <View id='timeline-visitor' className='card' data-code={code}>
      <Text className='card__title'>{t({ zh: '朋友推荐 · 首诊优惠', en: 'A first-visit offer from a friend' })}</Text>
      <Text className='para'>
        {singlePage
          ? t({ zh: '点击屏幕下方的「前往小程序」，查看优惠详情和完整规则，再决定是否领取。', en: 'Tap "Open mini program" at the bottom to see the offer and its full rules before you decide.' })
          : t({ zh: '正在打开朋友推荐的首诊优惠…', en: 'Opening the first-visit offer from your friend…' })}
      </Text>
    </View>
  )
}
