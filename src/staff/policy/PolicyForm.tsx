/**
 * Issue 14: the director or admin changes the chain's policy — every setting grouped (会员 / 亲友卡 /
 * 推荐 / 消息 / 通用), notes beside the fields (the domain validator's, here and on the server), a
 * preset to start from (seed 004's rules or seed 003's regulation, previewed), a required reason and
 * WeChat's confirmation naming what changes. The save is made against the version shown
 * (POLICY_STALE when someone else saved meanwhile) and is idempotent by its request id (S3).
 */
import { useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PolicySaved } from '../../api/contract'
import type { Policy } from '../../domain/policy'
import { policyDiff } from '../../domain/policy-diff'
import { POLICY_FIELDS, POLICY_GROUPS } from '../../domain/policy-fields'
import { PRESET_KEYS, POLICY_PRESETS, type PresetKey } from '../../domain/policy-presets'
import type { PolicyProblem } from '../../domain/policy-validate'
import { confirmAction } from '../../components/confirm'
import { ErrorBanner, type BannerMessage } from '../../components/ErrorBanner'
import { Btn, TextField } from '../../components/controls'
import { newRequestId } from '../../services/format'
import { savePolicyVersion } from '../../services/policy'
import { toApiError } from '../../services/cloud'
import { useT } from '../../i18n'
import { draftOf, proposalOf, type Draft, type DraftValue } from './draft'
import { FieldInput } from './FieldInput'
import { showChange } from './show'
import { SimulationPanel } from './SimulationPanel'

interface Props { policy: Policy; onSaved: (saved: PolicySaved) => void; onStale: () => void }

export function PolicyForm({ policy, onSaved, onStale }: Props) {
  const t = useT()
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy))
  const [preset, setPreset] = useState<PresetKey | null>(null)
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<PolicyProblem[]>([])
  const [error, setError] = useState<BannerMessage | null>(null)
  const [busy, setBusy] = useState(false)
  // One id per content of the form: a double tap or a retry after a lost answer sends the same one.
  const requestId = useRef(newRequestId())
  const fresh = () => { requestId.current = newRequestId() }
  const currency = draft.currency === 'RUB' ? 'RUB' : 'CNY'

  const edit = (path: string) => (v: DraftValue) => { fresh(); setPreset(null); setDraft((d) => ({ ...d, [path]: v })) }
  const loadPreset = (key: PresetKey) => { fresh(); setPreset(key); setProblems([]); setDraft(draftOf(POLICY_PRESETS[key].policy)) }

  async function save() {
    if (busy) return
    setError(null)
    const { policy: proposed, problems: found } = proposalOf(policy, draft, reason)
    setProblems(found)
    if (found.length) return setError({ zh: '有设置需要修改，请看字段下方的提示', en: 'Some settings need a change; see the notes under them' })
    const changes = policyDiff(policy, proposed)
    if (!changes.length) return setError({ zh: '没有任何改动', en: 'Nothing was changed' })
    const listed = changes.slice(0, 4).map((c) => showChange(c, currency, policy.currency))
    const more = changes.length > 4 ? { zh: `等 ${changes.length} 项`, en: `and ${changes.length - 4} more` } : { zh: '', en: '' }
    const ok = await confirmAction({
      title: { zh: '保存新版规则', en: 'Save a new policy version' },
      content: {
        zh: `将保存为第 ${policy.version + 1} 版：${listed.map((l) => l.zh).join('；')}${more.zh}。已发放的卡和券保持原规则。`,
        en: `This becomes version ${policy.version + 1}: ${listed.map((l) => l.en).join('; ')}${more.en ? ` ${more.en}` : ''}. Cards and coupons already issued keep their terms.`,
      },
      confirmText: { zh: '保存', en: 'Save' },
    })
    if (!ok) return
    setBusy(true)
    try {
      const body = preset ? { preset } : { policy: proposed }
      onSaved(await savePolicyVersion({ requestId: requestId.current, baseVersion: policy.version, reason: reason.trim(), ...body }))
    } catch (e) {
      const err = toApiError(e)
      const fields = (err.details?.fields as PolicyProblem[] | undefined) ?? []
      if (err.code === 'POLICY_INVALID' && fields.length) setProblems(fields)
      setError(err)
      if (err.code === 'POLICY_STALE') onStale()
    } finally {
      setBusy(false)
    }
  }

  const problemsOf = (path: string) => problems.filter((p) => p.path === path)
  return (
    <View id='policy-form' className='stack'>
      <PresetPanel current={policy} chosen={preset} onChoose={loadPreset} />
      {POLICY_GROUPS.map((g) => (
        <View key={g.key} id={`policy-group-${g.key}`} className='card'>
          <Text className='card__title'>{t(g.label)}</Text>
          {POLICY_FIELDS.filter((f) => f.group === g.key).map((f) => (
            <FieldInput key={f.path} field={f} value={draft[f.path]} currency={currency} problems={problemsOf(f.path)} onChange={edit(f.path)} />
          ))}
        </View>
      ))}
      <View className='card'>
        <Text className='field-label'>{t({ zh: '修改原因（必填，将记录在修改记录中）', en: 'Reason for the change (required; kept in the history)' })}</Text>
        <TextField id='policy-reason' value={reason} onChange={(v) => { fresh(); setReason(v) }} placeholder={t({ zh: '如：院务会决定提高亲友卡面值', en: 'e.g. the board raised the friend card value' })} />
        {problemsOf('reason').map((p) => <Text key={p.zh} id='policy-reason-problem' className='policy-field__problem'>{t(p)}</Text>)}
        <ErrorBanner error={error} onClose={() => setError(null)} />
        <Btn id='policy-save' onClick={() => void save()} disabled={busy}>{busy ? t({ zh: '保存中…', en: 'Saving…' }) : t({ zh: '保存为新版本', en: 'Save as a new version' })}</Btn>
      </View>
      <SimulationPanel proposal={() => proposalOf(policy, draft, reason)} preset={preset} currency={currency} />
    </View>
  )
}

/** The presets, each previewed as its differences from the current policy, in the preset's own currency. */
function PresetPanel({ current, chosen, onChoose }: { current: Policy; chosen: PresetKey | null; onChoose: (k: PresetKey) => void }) {
  const t = useT()
  const [look, setLook] = useState<PresetKey>(chosen ?? 'seed004')
  const preset = POLICY_PRESETS[look]
  const changes = useMemo(() => policyDiff(current, preset.policy), [current, preset])
  return (
    <View id='policy-presets' className='card'>
      <Text className='card__title'>{t({ zh: '预设方案', en: 'Presets' })}</Text>
      <View className='chips'>
        {PRESET_KEYS.map((k) => (
          <Btn key={k} id={`policy-preset-${k}`} variant='plain' className={`chip ${look === k ? 'chip--on' : ''}`} onClick={() => setLook(k)}>{t(POLICY_PRESETS[k].label)}</Btn>
        ))}
      </View>
      <Text className='muted policy-preset__about'>{t(preset.about)}</Text>
      <View id='policy-preset-preview' data-preset={look}>
        {changes.length
          ? changes.map((c) => <Text key={c.path} className='policy-change' data-path={c.path}>{t(showChange(c, preset.policy.currency, current.currency))}</Text>)
          : <Text className='muted'>{t({ zh: '与当前规则相同', en: 'Same as the current policy' })}</Text>}
      </View>
      {changes.length ? (
        <Btn id='policy-preset-load' variant='secondary' onClick={() => onChoose(look)}>
          {chosen === look ? t({ zh: '已载入，填写原因后保存', en: 'Loaded: give a reason and save' }) : t({ zh: '载入此方案', en: 'Load this preset' })}
        </Btn>
      ) : null}
    </View>
  )
}
