/**
 * Staff: friend cards (S4, staff subpackage).
 *  (a) Issue a card (F1): find the member by record number or member code (`reception.scan`),
 *      confirm the treatment is half done or finished, issue. One requestId per intent (S3): a
 *      retry or a double tap issues one card. Consultants, the director and admins may issue;
 *      the server refuses anyone else and the banner says so.
 *  (b) Director and admin: what the programme earns (F7, `friendcard.summary`), the reminders due
 *      now (F6, `friendcard.reminders`), and revoking a card with a reason.
 */
import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CardReminderView, CardState, CardSummary, IssuedCard, Persona, ScannedPatient } from '../../api/contract'
import { formatFen } from '../../domain/money'
import { can } from '../../domain/permissions'
import { callFunction, toApiError } from '../../services/cloud'
import { CARD_STATE_LABEL, TIER_LABEL, clinicDate, newRequestId } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, CheckField, TextField } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { CONFIRM, confirmAction } from '../../components/confirm'
import './index.css'
import { StaffPage } from '../../components/StaffPage'
import { Loading } from '../../components/PageShell'
import { COMMON, useT, type Msg } from '../../i18n'
import { ROLE_LABEL } from '../team/labels'

type Staff = Extract<Persona, { kind: 'staff' }>

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

export default function StaffCardsPage() {
  return (
    <StaffPage title='亲友卡管理' subtitle='Friend cards'>
      {(staff) => <CardsDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function CardsDesk({ staff }: { staff: Staff }) {
  const t = useT()
  const [error, setError] = useState<BannerMessage | null>(null)
  const manager = can(staff, 'friendcard', 'summary')
  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Text className='muted small'>{staff.name} · {t(ROLE_LABEL[staff.role])}</Text>
      <IssueCard staff={staff} onError={setError} />
      {manager ? <Programme onError={setError} /> : null}
    </View>
  )
}

/** F1: issue a card (face value from the policy, F2) to a member whose treatment is half done or finished. */
function IssueCard({ staff, onError }: { staff: Staff; onError: (e: BannerMessage | null) => void }) {
  const t = useT()
  const [record, setRecord] = useState('')
  const [finding, setFinding] = useState(false)
  const [member, setMember] = useState<ScannedPatient | null>(null)
  const [confirmed, setConfirmed] = useState(false)
  const [issuing, setIssuing] = useState(false)
  const [issued, setIssued] = useState<IssuedCard | null>(null)
  /** S3: one requestId per intent (this member, this issue); retries and double taps reuse it. */
  const intent = useRef<{ patientId: string; id: string } | null>(null)
  const lock = useRef(false)

  async function find() {
    const value = record.trim()
    if (!value) {
      onError({ zh: '请输入病历号或会员码', en: 'Enter a record number or a member code', code: 'VALIDATION' })
      return
    }
    setFinding(true)
    onError(null)
    try {
      const r = await callFunction('reception', 'scan', { code: value })
      if (r.kind !== 'patient') {
        onError({ zh: '这是亲友卡的码，请输入会员的病历号或会员码', en: 'That is a friend card code; enter the member\'s record number or member code', code: 'CODE_WRONG_KIND' })
        return
      }
      const { kind: _kind, ...p } = r
      setMember(p)
      setConfirmed(false)
      setIssued(null)
      intent.current = null
    } catch (e) {
      onError(toApiError(e))
    } finally {
      setFinding(false)
    }
  }

  async function issue() {
    if (!member || lock.current) return
    if (!confirmed) {
      onError({ zh: '需确认治疗已过半或已完成', en: 'Confirm the treatment is half done or finished first', code: 'TREATMENT_NOT_CONFIRMED' })
      return
    }
    lock.current = true // a second tap before React re-renders is ignored too
    if (!intent.current || intent.current.patientId !== member.patientId) intent.current = { patientId: member.patientId, id: newRequestId() }
    setIssuing(true)
    onError(null)
    try {
      const card = await callFunction('friendcard', 'issue', { patientId: member.patientId, treatmentConfirmed: true, requestId: intent.current.id })
      setIssued(card)
      // Done: the next card for this member is a new decision, confirmed again.
      intent.current = null
      setConfirmed(false)
    } catch (e) {
      onError(toApiError(e)) // the same requestId stays: tapping again is a safe retry
    } finally {
      lock.current = false
      setIssuing(false)
    }
  }

  return (
    <View id='issue-card' className='card'>
      <Text className='card__title'>{t({ zh: '发放亲友卡', en: 'Issue a friend card' })}</Text>
      <Text className='muted small'>
        {t({ zh: '会员治疗过半或完成后发放，会员发卡前不知情（惊喜）。', en: 'Issue when the member’s treatment is half done or finished; it is a surprise.' })}
        {can(staff, 'friendcard', 'issue') ? '' : t({ zh: '仅咨询师、院长或管理员可发卡。', en: ' Only consultants, the director and administrators may issue.' })}
      </Text>
      <Text className='field-label'>{t({ zh: '病历号或会员码', en: 'Record no. or member code' })}</Text>
      <View className='row'>
        <TextField id='issue-record' className='grow' value={record} onChange={setRecord} placeholder={t({ zh: '如 100009', en: 'e.g. 100009' })} onConfirm={() => void find()} />
        <Btn id='issue-find' variant='secondary' disabled={finding} onClick={() => void find()}>{t({ zh: '查询', en: 'Find' })}</Btn>
      </View>

      {member ? (
        <View id='issue-member' className='issue-member'>
          <View className='row row--between'>
            <Text id='issue-member-name' className='issue-member__name'>{member.name}</Text>
            <Text className={`tier tier--${member.tier}`}>{t(TIER_LABEL[member.tier])}</Text>
          </View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '病历号', en: 'Record No.' })}</Text><Text className='kv__v'>{member.recordNo}</Text></View>
          <View className='kv'><Text className='kv__k'>{t({ zh: '手机', en: 'Phone' })}</Text><Text className='kv__v'>{member.maskedPhone}</Text></View>

          <CheckField id='treatment-confirmed' checked={confirmed} onChange={setConfirmed}>
            {t({ zh: '治疗已过半或已完成', en: 'The treatment is half done or finished' })}
          </CheckField>
          <Btn id='issue-btn' disabled={issuing} onClick={() => void issue()}>
            {issuing ? t({ zh: '发放中…', en: 'Issuing…' }) : t({ zh: '发放亲友卡', en: 'Issue the card' })}
          </Btn>
        </View>
      ) : null}

      {issued ? (
        <View id='issued-card' className='notice issued' data-card-id={issued.cardId}>
          <Text>{t({
            zh: `已为 ${issued.giverName} 发放 ${formatFen(issued.faceValueFen)} 亲友卡，有效期至 ${clinicDate(issued.expiresAt)}。会员现在可在“我的亲友卡”中看到并赠送。`,
            en: `Issued a ${formatFen(issued.faceValueFen)} card to ${issued.giverName}, valid until ${clinicDate(issued.expiresAt)}. It now shows in their cards.`,
          })}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** F6, F7: the director's view of the programme, and revoking a card with a reason. */
function Programme({ onError }: { onError: (e: BannerMessage | null) => void }) {
  const [load, reload] = useLoad(async () => {
    const [summary, reminders] = await Promise.all([callFunction('friendcard', 'summary', {}), callFunction('friendcard', 'reminders', {})])
    return { summary, reminders }
  })
  const t = useT()
  const [revoking, setRevoking] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const data = load.data ?? null

  async function revoke() {
    if (!revoking || busy) return
    if (reason.trim().length < 2) {
      onError({ zh: '请填写作废原因（至少 2 个字）', en: 'Give a reason for revoking (at least 2 characters)', code: 'VALIDATION' })
      return
    }
    // Issue 12: the balance on the card is lost; asked first, naming whose card and how much.
    const card = data?.summary.cards.find((c) => c.cardId === revoking)
    const holder = card ? card.friendName ?? card.giverName : t({ zh: '持卡人', en: 'the holder' })
    if (!(await confirmAction(CONFIRM.revokeCard(holder, card?.balanceFen ?? 0)))) return
    setBusy(true)
    onError(null)
    try {
      await callFunction('friendcard', 'revoke', { cardId: revoking, reason: reason.trim() })
      setRevoking(null)
      setReason('')
      reload()
    } catch (e) {
      onError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }

  if (load.state === 'error') {
    return (
      <View className='card'>
        <ErrorBanner error={load.error} />
        <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn>
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
        <View className='kv'><Text className='kv__k'>{t({ zh: '卡内已使用', en: 'Redeemed from cards' })}</Text><Text id='summary-redeemed' className='kv__v'>{formatFen(s.redeemedFen)}</Text></View>
        <View className='kv kv--due'><Text className='kv__k'>{t({ zh: '朋友到店实付', en: 'What friends paid' })}</Text><Text id='summary-revenue' className='kv__v'>{formatFen(s.friendsRevenueFen)}</Text></View>
        <Text className='muted small'>{t({ zh: '朋友领卡后在本院实际支付的金额（不含亲友卡支付部分）。', en: 'What friends paid themselves since claiming, card value not included.' })}</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>{t({ zh: '全部亲友卡', en: 'All cards' })}</Text>
        <View id='summary-list' className='summary-list'>
          {s.cards.length === 0 ? <Text className='muted'>{t({ zh: '暂无', en: 'None' })}</Text> : null}
          {s.cards.map((c) => (
            <View key={c.cardId} id={`summary-card-${c.cardId}`} className='summary-row'>
              <View className='row row--between'>
                <Text className='summary-row__who'>{personLine(c.giverName, c.giverMaskedPhone)} → {c.friendName ? personLine(c.friendName, c.friendMaskedPhone) : t(c.state === 'issued' || c.state === 'shared' ? { zh: '尚未领取', en: 'not claimed yet' } : { zh: '尚未到店登记', en: 'not registered yet' })}</Text>
                <Text className={`state state--${c.state}`}>{t(CARD_STATE_LABEL[c.state])}</Text>
              </View>
              <Text className='muted small'>{t({ zh: `余额 ${formatFen(c.balanceFen)} · 朋友实付 ${formatFen(c.friendSpendFen)}`, en: `Balance ${formatFen(c.balanceFen)} · friend paid ${formatFen(c.friendSpendFen)}` })}</Text>
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
