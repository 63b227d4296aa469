/**
 * Staff: friend cards (S4, staff subpackage).
 *  (a) Issue a card (F1): find the member by record number or member code (`reception.scan`),
 *      confirm the treatment is half done or finished, issue. One requestId per intent (S3): a
 *      retry or a double tap issues one card. Consultants, the director and admins may issue;
 *      the server refuses anyone else and the banner says so.
 *  (b) Director and admin: what the programme earns, the cards page by page, the reminders due,
 *      revoking and exporting (F6, F7; ./Programme.tsx).
 */
import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { IssuedCard, Persona, ScannedPatient } from '../../api/contract'
import { money } from '../../services/chain'
import { can } from '../../domain/permissions'
import { callFunction, toApiError } from '../../services/cloud'
import { useSingleFlight } from '../../components/hooks'
import { TIER_LABEL, clinicDate, newRequestId } from '../../services/format'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, CheckField, TextField } from '../../components/controls'
import './index.css'
import { StaffPage } from '../../components/StaffPage'
import { useT } from '../../i18n'
import { Programme } from './Programme'
import { ROLE_LABEL } from '../team/labels'

type Staff = Extract<Persona, { kind: 'staff' }>

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
  const [issued, setIssued] = useState<IssuedCard | null>(null)
  /** S3: one requestId per intent (this member, this issue); retries and double taps reuse it. */
  const intent = useRef<{ patientId: string; id: string } | null>(null)
  const { busy: issuing, held, run } = useSingleFlight()

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
    if (!member || held()) return
    if (!confirmed) {
      onError({ zh: '需确认治疗已过半或已完成', en: 'Confirm the treatment is half done or finished first', code: 'TREATMENT_NOT_CONFIRMED' })
      return
    }
    // The lock is taken before React re-renders: a second tap is ignored too.
    await run(async () => {
      if (!intent.current || intent.current.patientId !== member.patientId) intent.current = { patientId: member.patientId, id: newRequestId() }
      onError(null)
      const card = await callFunction('friendcard', 'issue', { patientId: member.patientId, treatmentConfirmed: true, requestId: intent.current.id })
      setIssued(card)
      // Done: the next card for this member is a new decision, confirmed again.
      intent.current = null
      setConfirmed(false)
    }, { onError }) // on a failure the same requestId stays: tapping again is a safe retry
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
            zh: `已为 ${issued.giverName} 发放 ${money(issued.faceValueFen)} 亲友卡，有效期至 ${clinicDate(issued.expiresAt)}。会员现在可在“我的亲友卡”中看到并赠送。`,
            en: `Issued a ${money(issued.faceValueFen)} card to ${issued.giverName}, valid until ${clinicDate(issued.expiresAt)}. It now shows in their cards.`,
          })}</Text>
        </View>
      ) : null}
    </View>
  )
}
