/**
 * The light entry a friend's shared link opens on H5 (issue 12, speed; services/landings.ts): the
 * first script of the page asks for the offer at once, then draws the landing into #app with plain
 * DOM. It carries no Taro and no React, so on a slow phone the claim button is there within a
 * second. Built by config/landing.js into `dist-h5/l/*.html`, inlined into the page's head.
 */
import type { CardOffer, ReferralOffer } from '../api/contract'
import { landingAt } from '../services/landings'
import { currentOpenid } from '../services/persona'
import { call } from './api'
import { cardLanding } from './card'
import { draw } from './dom'
import { lang } from './lang'
import { referralLanding } from './referral'

const landing = landingAt(window.location.pathname)
const value = landing ? new URLSearchParams(window.location.search).get(landing.param) : null
currentOpenid() // local mode: `?as=` picks the persona once, for this page and the app after it
// Asked before anything is drawn: the answer is on its way while the page is built.
const first = landing && value ? call<unknown>(landing.fn, landing.action, landing.input(value)) : null
document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN'

function start(): void {
  const root = document.getElementById('app')!
  const into = (nodes: Node[]) => draw(root, nodes)
  if (landing?.fn === 'referral') referralLanding(value, first as Promise<ReferralOffer> | null, into)
  else cardLanding(value, first as Promise<CardOffer> | null, into)
}
// The script runs in the page's head (so the request leaves before the styles are read); it draws once the body is there.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
