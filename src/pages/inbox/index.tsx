/**
 * Messages (N3, main package; members and friends): what the clinic's messages delivered to this
 * person (`notify.inbox`), newest first, each opening the page it is about, and "get reminders":
 * the consents this person may give (SubscribePanel). No badges or unread counts (C1).
 */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ConsentCounts, InboxItem, Persona } from '../../api/contract'
import type { TemplateKey } from '../../domain/notify/messages'
import { callFunction } from '../../services/cloud'
import { clinicDateTime } from '../../services/format'
import { PageShell } from '../../components/PageShell'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Btn } from '../../components/controls'
import { useLoad } from '../../components/hooks'
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
  const [load, reload] = useLoad(loadInbox)
  const data = load.data ?? null
  return (
    <PageShell title='消息' subtitle='Messages · 提醒与通知'>
      <ErrorBanner error={load.state === 'error' ? load.error : null} />
      {load.state === 'loading' && !data ? <View className='muted'>加载中… Loading…</View> : null}
      {load.state === 'error' ? <Btn variant='secondary' onClick={reload}>重试 Retry</Btn> : null}
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
  if (items.length === 0) {
    return (
      <View id='inbox-empty' className='card'>
        <Text className='muted'>暂无消息。您订阅的提醒会显示在这里。</Text>
        <Text className='muted small'>No messages yet. Reminders you subscribe to appear here.</Text>
      </View>
    )
  }
  return (
    <View id='inbox-list' className='stack'>
      {items.map((m, i) => (
        <View key={m.id} id={`inbox-item-${i}`} className='card inbox-item' data-template={m.template}>
          <View className='row row--between inbox-item__head'>
            <Text className='inbox-item__title'>{m.title.zh}</Text>
            <Text className='inbox-item__time'>{clinicDateTime(m.at)}</Text>
          </View>
          <Text className='muted small'>{m.title.en}</Text>
          <Text className='para'>{m.body.zh}</Text>
          <Text className='para small muted'>{m.body.en}</Text>
          <Text id={`inbox-open-${i}`} className='inbox-item__open' onClick={() => void Taro.navigateTo({ url: `/${m.page.replace(/^\/+/, '')}` })}>
            查看 Open ›
          </Text>
        </View>
      ))}
    </View>
  )
}
