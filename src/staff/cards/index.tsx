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
import './index.css'
import { StaffPage } from '../../components/StaffPage'

type Staff = Extract<Persona, { kind: 'staff' }>

/** States in which a card can still be revoked. */
const REVOCABLE: readonly CardState[] = ['issued', 'shared', 'claimed', 'partly_used']

const COUNT_LABEL: Array<[keyof CardSummary['counts'], string]> = [
  ['issued', '已发放 Issued'],
  ['shared', '已分享 Shared'],
  ['claimed', '已领取 Claimed'],
  ['registered', '已到店登记 Registered'],
  ['redeemed', '已使用 Redeemed'],
  ['usedUp', '已用完 Used up'],
  ['expired', '已过期 Expired'],
  ['revoked', '已作废 Revoked'],
]

const REMINDER_LABEL: Record<CardReminderView['kind'], string> = {
  unshared: '提醒赠送人：卡未发送 Giver: not sent yet',
  unused: '提醒赠送人：朋友未使用 Giver: friend has not used it',
  expiry: '提醒朋友：即将到期 Friend: expires soon',
}

export default function StaffCardsPage() {
  return (
    <StaffPage title='亲友卡管理' subtitle='Friend cards · issue, results, reminders'>
      {(staff) => <CardsDesk key={staff.staffId} staff={staff} />}
    </StaffPage>
  )
}

function CardsDesk({ staff }: { staff: Staff }) {
  const [error, setError] = useState<BannerMessage | null>(null)
  const manager = can(staff, 'friendcard', 'summary')
  return (
    <View className='stack'>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Text className='muted small'>{staff.name} · {staff.role}</Text>
      <IssueCard staff={staff} onError={setError} />
      {manager ? <Programme onError={setError} /> : null}
    </View>
  )
}

/** F1: issue a card (face value from the policy, F2) to a member whose treatment is half done or finished. */
function IssueCard({ staff, onError }: { staff: Staff; onError: (e: BannerMessage | null) => void }) {
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
      <Text className='card__title'>发放亲友卡 Issue a friend card</Text>
      <Text className='muted small'>
        会员治疗过半或完成后发放，会员发卡前不知情（惊喜）。
        {can(staff, 'friendcard', 'issue') ? '' : '仅咨询师、院长或管理员可发卡。'}
        Issue when the member's treatment is half done or finished; it is a surprise. Consultants, the director and admins may issue.
      </Text>
      <Text className='field-label'>病历号或会员码 Record No. or member code</Text>
      <View className='row'>
        <TextField id='issue-record' className='grow' value={record} onChange={setRecord} placeholder='如 100009' onConfirm={() => void find()} />
        <Btn id='issue-find' variant='secondary' disabled={finding} onClick={() => void find()}>查询 Find</Btn>
      </View>

      {member ? (
        <View id='issue-member' className='issue-member'>
          <View className='row row--between'>
            <Text id='issue-member-name' className='issue-member__name'>{member.name}</Text>
            <Text className={`tier tier--${member.tier}`}>{TIER_LABEL[member.tier].zh}</Text>
          </View>
          <View className='kv'><Text className='kv__k'>病历号 Record No.</Text><Text className='kv__v'>{member.recordNo}</Text></View>
          <View className='kv'><Text className='kv__k'>手机 Phone</Text><Text className='kv__v'>{member.maskedPhone}</Text></View>

          <CheckField id='treatment-confirmed' checked={confirmed} onChange={setConfirmed}>
            治疗已过半或已完成 treatment half done or finished
          </CheckField>
          <Btn id='issue-btn' disabled={issuing} onClick={() => void issue()}>
            {issuing ? '发放中… Issuing…' : '发放亲友卡 Issue card'}
          </Btn>
        </View>
      ) : null}

      {issued ? (
        <View id='issued-card' className='notice issued'>
          <Text>已为 {issued.giverName} 发放 {formatFen(issued.faceValueFen)} 亲友卡，有效期至 {clinicDate(issued.expiresAt)}。会员现在可在“我的亲友卡”中看到并赠送。</Text>
          <Text className='issued__en'>Issued a {formatFen(issued.faceValueFen)} card to {issued.giverName}, valid until {clinicDate(issued.expiresAt)}. It now shows in their cards.</Text>
          <Text className='muted small'>卡号 Card {issued.cardId}</Text>
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
        <Btn variant='secondary' onClick={reload}>重试 Retry</Btn>
      </View>
    )
  }
  if (!data) return <View className='muted'>加载中… Loading…</View>
  const { summary: s, reminders } = data

  return (
    <>
      <View id='summary' className='card'>
        <Text className='card__title'>项目成效 Results</Text>
        <View id='summary-counts' className='counts'>
          {COUNT_LABEL.map(([k, label]) => (
            <View key={k} className='counts__cell'>
              <Text id={`summary-count-${k}`} className='counts__n'>{s.counts[k]}</Text>
              <Text className='counts__label'>{label}</Text>
            </View>
          ))}
        </View>
        <View className='kv'><Text className='kv__k'>卡内已使用 Redeemed from cards</Text><Text id='summary-redeemed' className='kv__v'>{formatFen(s.redeemedFen)}</Text></View>
        <View className='kv kv--due'><Text className='kv__k'>朋友到店实付 Friends' paid revenue</Text><Text id='summary-revenue' className='kv__v'>{formatFen(s.friendsRevenueFen)}</Text></View>
        <Text className='muted small'>朋友领卡后在本院实际支付的金额（不含亲友卡支付部分）。What friends paid themselves since claiming, card value not included.</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>全部亲友卡 All cards</Text>
        <View id='summary-list' className='summary-list'>
          {s.cards.length === 0 ? <Text className='muted'>暂无 None</Text> : null}
          {s.cards.map((c) => (
            <View key={c.cardId} id={`summary-card-${c.cardId}`} className='summary-row'>
              <View className='row row--between'>
                <Text className='summary-row__who'>{personLine(c.giverName, c.giverMaskedPhone)} → {c.friendName ? personLine(c.friendName, c.friendMaskedPhone) : c.state === 'issued' || c.state === 'shared' ? '尚未领取' : '尚未到店登记'}</Text>
                <Text className={`state state--${c.state}`}>{CARD_STATE_LABEL[c.state].zh}</Text>
              </View>
              <Text className='muted small'>余额 {formatFen(c.balanceFen)} · 朋友实付 {formatFen(c.friendSpendFen)} · {c.cardId}</Text>
              {REVOCABLE.includes(c.state) ? (
                revoking === c.cardId ? (
                  <View className='revoke'>
                    <Text className='field-label'>作废原因 Reason</Text>
                    <TextField id='revoke-reason' value={reason} onChange={setReason} placeholder='如：误发 issued by mistake' onConfirm={() => void revoke()} />
                    <View className='row'>
                      <Btn id='revoke-confirm' variant='primary' className='grow btn--danger' disabled={busy} onClick={() => void revoke()}>
                        {busy ? '作废中… Revoking…' : '确认作废 Revoke'}
                      </Btn>
                      <Btn id='revoke-cancel' variant='plain' onClick={() => { setRevoking(null); setReason('') }}>取消 Cancel</Btn>
                    </View>
                  </View>
                ) : (
                  <Text id={`revoke-${c.cardId}`} className='summary-row__revoke' onClick={() => { setRevoking(c.cardId); setReason('') }}>作废 Revoke…</Text>
                )
              ) : null}
            </View>
          ))}
        </View>
      </View>

      <View className='card'>
        <Text className='card__title'>待发提醒 Reminders due</Text>
        <Text className='muted small'>每条提醒只发送一次（按提醒编号）。Each reminder is sent once, by its key.</Text>
        <View id='reminders-list' className='reminders'>
          {reminders.length === 0 ? <Text className='muted'>暂无 None due</Text> : null}
          {reminders.map((r) => (
            <View key={r.key} className='reminder'>
              <Text className='reminder__kind'>{REMINDER_LABEL[r.kind]} · {r.kind === 'expiry' ? `到期前 ${r.days} 天` : `第 ${r.days} 天`}</Text>
              <Text className='reminder__key'>{r.key}</Text>
            </View>
          ))}
        </View>
      </View>
    </>
  )
}

/** F7, C2: a person as staff see them: the record's name and the phone masked. */
const personLine = (name: string, maskedPhone?: string) => (maskedPhone ? `${name}（${maskedPhone}）` : name)
