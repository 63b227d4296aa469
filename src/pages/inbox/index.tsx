/**
 * Messages (N3, main package; members and friends): what the clinic's messages delivered to this
 * person (`notify.inbox`), newest first, each opening the page it is about, and "get reminders":
 * the consents this person may give (SubscribePanel). No badges or unread counts (C1).
 */
import { View, Text } from '@tarojs/components'
import type { ConsentCounts, InboxItem, Persona } from '../../api/contract'
import type { TemplateKey } from '../../domain/notify/messages'
import { callFunction } from '../../services/cloud'
import { clinicDateTime } from '../../services/format'
// A message may open a tab page (the home, for a membership or birthday message): switchTab then.
import { openPage } from '../../services/tabs'
import { Loading, PageShell } from '../../components/PageShell'
import { COMMON, useT } from '../../i18n'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
import { usePullRefresh } from '../../components/usePullRefresh'
import { SubscribePanel } from './SubscribePanel'
import './index.css'

/** The reminders worth asking for: a member's greetings, invitations and renewal; a friend's card expiry (F6). */
function templatesFor(persona: Persona): TemplateKey[] {
  if (persona.kind === 'patient') return ['birthday', 'event_invite', 'membership_expiry']
  if (persona.kind === 'guest') return ['card_expiry']
  return []
}

interface InboxData { persona: Persona; items: InboxItem[]; counts: ConsentCounts['counts'] }

async function loadInbox(): Promise<InboxData> {
  const [{ persona }, items, consents] = await Promise.all([
    callFunction('identity', 'whoami', {}),
    callFunction('notify', 'inbox', {}),
    callFunction('notify', 'consents', {}),
  ])
  return { persona, items: [...items].sort((a, b) => b.at.localeCompare(a.at)), counts: consents.counts }
}

export default function InboxPage() {
  const t = useT()
  const [load, reload] = useLoad(loadInbox)
  usePullRefresh(reload, load.state === 'loading') // issue 12: pull down for new messages
  const data = load.data ?? null
  return (
    <PageShell title='消息' subtitle='Messages'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !data ? <Loading /> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>{t(COMMON.retry)}</Btn> : null}
      {data ? (
        <View className='stack'>
          <InboxList items={data.items} />
          {templatesFor(data.persona).length > 0
            ? <SubscribePanel templates={templatesFor(data.persona)} counts={data.counts} onSaved={reload} />
            : null}
        </View>
      ) : null}
    </PageShell>
  )
}

function InboxList({ items }: { items: InboxItem[] }) {
  const t = useT()
  if (items.length === 0) {
    return (
      <View id='inbox-empty' className='card'>
        <Text className='muted'>{t({ zh: '暂无消息。您订阅的提醒会显示在这里。', en: 'No messages yet. Reminders you subscribe to appear here.' })}</Text>
      </View>
    )
  }
  return (
    <View id='inbox-list' className='stack'>
      {items.map((m, i) => (
        <View key={m.id} id={`inbox-item-${i}`} className='card inbox-item' data-template={m.template}>
          <View className='row row--between inbox-item__head'>
            <Text className='inbox-item__title'>{t(m.title)}</Text>
            <Text className='inbox-item__time'>{clinicDateTime(m.at)}</Text>
          </View>
          <Text className='para'>{t(m.body)}</Text>
          <Text id={`inbox-open-${i}`} className='inbox-item__open' onClick={() => void openPage(`/${m.page.replace(/^\/+/, '')}`)}>
            {t({ zh: '查看 ›', en: 'Open ›' })}
          </Text>
        </View>
      ))}
    </View>
  )
}
