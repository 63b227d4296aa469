/**
 * 我的, the third tab (issue 12): who I am (name, masked phone, C2), the language setting, my data
 * (C2), my family (M3), linking my record (issue 10), and for staff the staff pages their role may
 * open (staff reach their pages from here; the permissions table decides which).
 */
import { View, Text } from '@tarojs/components'
import type { MemberHome, Persona, PublicProfile } from '../../api/contract'
import { callFunction } from '../../services/cloud'
import { openPage, useReloadOnShow, useTabBarLanguage } from '../../services/tabs'
import { PageShell } from '../../components/PageShell'
import { Skeleton } from '../../components/Skeleton'
import { Cell, Cells } from '../../components/Cells'
import { usePullRefresh } from '../../components/usePullRefresh'
import { COMMON, setLang, useLang, useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { ROLE_LABEL } from '../../staff/team/labels'
import { BADGE_LABEL } from '../index/labels'
import { StaffEntries } from './StaffEntries'
import '../index/tier.css'
import './index.css'

type MeData =
  | { persona: Extract<Persona, { kind: 'patient' }>; home: MemberHome; profile: PublicProfile | null }
  | { persona: Extract<Persona, { kind: 'staff' }> | Extract<Persona, { kind: 'guest' }> }

async function loadMe(): Promise<MeData> {
  const { persona } = await callFunction('identity', 'whoami', {})
  if (persona.kind !== 'patient') return { persona }
  // The name friends see (C2) is a side detail: without it the page still shows.
  const [home, profile] = await Promise.all([
    callFunction('member', 'home', {}),
    callFunction('identity', 'profile', {}).catch(() => null),
  ])
  return { persona, home, profile }
}

export default function Me() {
  const t = useT()
  const [load, reload] = useLoad(loadMe)
  useTabBarLanguage()
  useReloadOnShow(reload)
  usePullRefresh(reload, load.state === 'loading')
  const data = load.state === 'error' ? undefined : load.data

  return (
    <PageShell title='我的' subtitle='Me'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {!data && load.state === 'loading' ? <Skeleton cards={2} /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {data ? <MeBody data={data} /> : null}
    </PageShell>
  )
}

function MeBody({ data }: { data: MeData }) {
  const t = useT()
  const { persona } = data
  return (
    <View className='stack'>
      {persona.kind === 'patient' ? <PatientSummary home={(data as { home: MemberHome }).home} profile={(data as { profile: PublicProfile | null }).profile} /> : null}
      {persona.kind === 'staff' ? (
        <View id='me-summary' className='card me-summary'>
          <Text id='me-name' className='me-summary__name'>{persona.name}</Text>
          <Text className='muted'>{t(ROLE_LABEL[persona.role])}</Text>
        </View>
      ) : null}
      {persona.kind === 'guest' ? (
        <View id='me-summary' className='card me-summary'>
          <Text id='me-name' className='me-summary__name'>{t({ zh: '访客', en: 'Guest' })}</Text>
          <Text className='muted small'>{t({ zh: '绑定就诊档案后，这里会显示您的会员信息。', en: 'Link your clinic record and your membership shows here.' })}</Text>
        </View>
      ) : null}

      {persona.kind === 'staff' ? (
        <View id='me-staff'>
          <Text className='cells__title'>{t({ zh: '员工工作台', en: 'Staff desk' })}</Text>
          <StaffEntries persona={persona} />
        </View>
      ) : null}

      <Cells id='me-cells' title={t({ zh: '我的服务', en: 'My services' })}>
        {persona.kind === 'patient' ? (
          <>
            <Cell id='me-family' label={t({ zh: '家庭成员', en: 'My family' })} onClick={() => void openPage('/pages/family/index')} />
            {/* C2: what the clinic holds about me, the export and the consent log. */}
            <Cell id='me-mydata' label={t({ zh: '我的数据', en: 'My data' })} hint={t({ zh: '查看与导出诊所保存的我的信息', en: 'See and export what the clinic holds about me' })} onClick={() => void openPage('/account/mydata/index')} />
            <Cell id='me-record' label={t({ zh: '就诊档案', en: 'Clinic record' })} value={t({ zh: '已绑定', en: 'Linked' })} />
          </>
        ) : null}
        {persona.kind === 'guest' ? (
          <Cell id='me-bind' label={t({ zh: '绑定就诊档案', en: 'Link my clinic record' })} hint={t({ zh: '已在诊所就诊过？用手机号或前台的绑定码', en: 'Been to our clinic? Use your phone or the desk\'s code' })} onClick={() => void openPage('/pages/bind/index')} />
        ) : null}
        <Cell id='me-inbox' label={t({ zh: '消息', en: 'Messages' })} onClick={() => void openPage('/pages/inbox/index')} />
      </Cells>

      <Cells title={t({ zh: '设置', en: 'Settings' })}>
        <LanguageCell />
      </Cells>
    </View>
  )
}

function PatientSummary({ home, profile }: { home: MemberHome; profile: PublicProfile | null }) {
  const t = useT()
  return (
    <View id='me-summary' className='card me-summary'>
      <View className='row row--between'>
        <Text id='me-name' className='me-summary__name'>{home.name}</Text>
        <Text id='me-badge' className={`tier tier--${home.badge}`} data-badge={home.badge}>{t(BADGE_LABEL[home.badge])}</Text>
      </View>
      {home.maskedPhone ? <Text id='me-phone' className='muted'>{t({ zh: '手机 ', en: 'Phone ' })}{home.maskedPhone}</Text> : null}
      <Text className='muted small'>{t({ zh: '病历号 ', en: 'Record No. ' })}{home.recordNo}</Text>
      {profile ? <Text id='me-display-name' className='muted small'>{t({ zh: `亲友看到的名字：${profile.displayName}`, en: `Friends see you as: ${profile.displayName}` })}</Text> : null}
    </View>
  )
}

/** The language setting: each language named in itself, as WeChat's own list does. */
function LanguageCell() {
  const t = useT()
  const lang = useLang()
  return (
    <Cell
      id='me-lang'
      label={t({ zh: '语言', en: 'Language' })}
      value={lang === 'zh' ? '中文' : 'English'}
      hint={t({ zh: '点按切换为 English', en: 'Tap to switch to 中文' })}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    />
  )
}
