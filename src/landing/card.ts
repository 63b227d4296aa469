/**
 * The card landing's light entry (F3, C1, C2; issue 12 speed): what `pages/card/claim` shows before
 * the first tap — the giver's display name only, the value, balance and expiry, the full rules, and
 * the claim button (reminders only if the friend ticks the box, F6/N3). After the claim, the next
 * steps open the app. The words are the page's own (pages/card/claim/texts.ts). Money and the expiry
 * date are the chain's currency and zone, which the offer carries (issue 14).
 */
import type { CardOffer } from '../api/contract'
import { formatMoney } from '../domain/policy-money'
import { clinicDate } from '../services/format'
import { CLAIM_NEXT, CLAIM_TEXT as T, STATE_TEXT } from '../pages/card/claim/texts'
import { ApiError, call } from './api'
import { runLanding, type Landing } from './controller'
import { h } from './dom'
import { tr } from './lang'
import { btn, goApp, ruleLines } from './shell'

export function cardLanding(token: string | null, first: Promise<CardOffer> | null, into: (nodes: Node[]) => void): void {
  let acceptReminders = false
  const offer = () => call<CardOffer>('friendcard', 'offer', { token })
  const claim = (l: Landing<CardOffer>) => l.tap(
    () => call<CardOffer>('friendcard', 'claim', { token, acceptReminders }),
    (code) => code.startsWith('CARD_'), // someone else was faster, or the card changed: show what it is now
    offer,
  )
  runLanding<CardOffer>({ title: T.title, first, missing: token ? null : new ApiError('CARD_NOT_FOUND', T.noToken), into, view: (l) => {
    const o = l.data!
    const state = STATE_TEXT[o.availability]
    const live = o.availability === 'available' || o.availability === 'yours'
    const yours = o.availability === 'yours'
    return [h('div', { className: 'stack' },
      h('div', { className: `fcard${live ? '' : ' fcard--over'}` },
        h('span', { className: 'fcard__label' }, h('span', { id: 'offer-giver', className: 'offer-giver' }, o.giverDisplayName), tr(T.sends)),
        h('span', { id: 'offer-value', className: 'fcard__value' }, formatMoney(o.faceValueFen, o.chain.currency)),
        live ? h('span', { id: 'offer-balance', className: 'fcard__meta' }, tr(T.balance), formatMoney(o.balanceFen, o.chain.currency)) : null,
        live || o.availability === 'own' || o.availability === 'expired'
          ? h('span', { id: 'offer-expiry', className: 'fcard__meta' }, o.expiresAt ? tr(T.validUntil(clinicDate(o.expiresAt, o.chain.utcOffsetMinutes))) : tr(T.noExpiry))
          : null),
      h('div', { id: 'offer-state', className: `notice${state.tone ? ` notice--${state.tone}` : ''}` }, h('span', { id: o.availability === 'taken' ? 'card-taken' : undefined }, tr(state))),
      yours && o.cardId ? btn('goto-card-code', tr(T.showCode), () => goApp(CLAIM_NEXT.cardCode(o.cardId!))) : null,
      yours ? h('div', { id: 'next-step', className: 'notice' }, h('span', { className: 'para' }, tr(T.nextStep)), btn('goto-clinics', tr(T.bookVisit), () => goApp(CLAIM_NEXT.clinics))) : null,
      yours ? btn('goto-bind', tr(T.linkRecord), () => goApp(CLAIM_NEXT.bind), 'plain') : null,
      o.availability === 'own' ? btn('goto-cards', tr(T.goShare), () => goApp(CLAIM_NEXT.cards), 'secondary') : null,
      // C1: the full rules before the friend decides.
      h('div', { className: 'card' }, h('span', { className: 'card__title' }, tr(T.rules)), ruleLines('offer-rules', o.rules.lines)),
      o.availability === 'available'
        ? h('div', { className: 'card' },
          h('span', { className: 'para' }, tr(T.howTo)),
          // F6/N3 on H5: a tick box that starts unticked; reminders only if the friend ticks it.
          h('label', { className: `check${acceptReminders ? ' check--on' : ''}`, for: 'accept-reminders' },
            h('input', { id: 'accept-reminders', type: 'checkbox', className: 'check__input', checked: acceptReminders, onChange: (e) => { acceptReminders = (e.target as HTMLInputElement).checked } }),
            h('span', { className: 'check__label' }, tr(T.remindMe))),
          btn('claim-btn', l.busy ? tr(T.claiming) : tr(T.claim), () => claim(l), 'primary', l.busy))
        : null)]
  } })
}
