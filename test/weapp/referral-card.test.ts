/**
 * The member's referral card on the compiled mini-program (dist/pages/referral/card/index): the
 * code, the rules for both sides before the share button (C1), and the share answer WeChat gets
 * when the member taps it: the card's own title and landing path (R1), nothing recorded (C1).
 */
import type { MyReferrals, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const MINE: MyReferrals = {
  card: {
    code: 'DKH87NJG',
    referrerDisplayName: '赵*',
    path: '/pages/referral/index?c=DKH87NJG',
    title: '赵* 推荐您来牙友口腔：首诊立减¥300',
    forFriend: [{ zh: '首次到诊立减¥300.00，另赠漱口水', en: '¥300.00 off your first visit, plus a gift' }],
    forReferrer: [{ zh: '仅奖励实际付款的就诊，分享、注册或点击本身没有奖励', en: 'Rewards follow paid visits only' }],
  },
  friends: [{ friendName: '小美', state: 'paid', rewardFen: 11_700, at: '2026-11-22T02:00:00Z' }],
  bonusBalanceFen: 11_700,
  payoutsDueFen: 10_000,
}

const cloud: CloudHandler = (name, event) => {
  if (name === 'referral' && event.action === 'mine') return ok(MINE)
  if (name === 'identity' && event.action === 'profile') return ok({ displayName: '赵*', defaultDisplayName: '赵*', referralCode: 'DKH87NJG' })
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

test('referral card: code, both sides\' rules, friends, bonus; the share button sends the card\'s own path', async () => {
  page = await renderPage('pages/referral/card/index', cloud)
  const p = page
  await p.waitFor(() => p.byId('referral-code') !== null, 'the card')
  expect(p.textOf('referral-code')).toBe('DKH87NJG') // R1: the personal code, never the record number
  expect(p.textOf('referral-rules')).toContain('首次到诊立减¥300.00')
  expect(p.textOf('referral-rules')).toContain('分享、注册或点击本身没有奖励')
  expect(p.textOf('referral-friends')).toContain('小美')
  expect(p.textOf('referral-friends')).not.toContain('Visited and paid') // one language on screen (issue 12)
  expect(p.textOf('referral-bonus')).toBe('¥117.00')
  expect(p.textOf('referral-friends')).toContain('已到店付款')
  expect(p.byId('share-referral')).not.toBeNull()
  expect(p.byId('referral-link')).toBeNull() // the H5 link box is not on weapp
  // C1: the rules come before the share button.
  const text = p.text()
  expect(text.indexOf('分享、注册或点击本身没有奖励')).toBeLessThan(text.indexOf('发送给朋友'))

  const onShare = (p.component.instance as { onShareAppMessage?: (o: unknown) => { title: string; path: string } }).onShareAppMessage
  expect(typeof onShare).toBe('function')
  const answer = onShare!.call(p.component.instance, { from: 'button', target: { id: 'share-referral', dataset: {} } })
  expect(answer).toMatchObject({ title: MINE.card.title, path: MINE.card.path })
  // Nothing recorded for sharing (C1): the page only read the card and the display name.
  expect(p.calls.map((c) => `${c.name}.${String(c.data.action)}`).sort()).toEqual(['identity.profile', 'referral.mine'])
})
