import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Persona } from '../api/contract'
import { callFunction } from '../services/cloud'
import { ErrorBanner } from './ErrorBanner'
import { useLoad } from './hooks'
import { Loading, PageShell } from './PageShell'
import { useT } from '../i18n'

export type StaffPersona = Extract<Persona, { kind: 'staff' }>

/** A staff page: resolves who is calling and renders `children` only for staff (the server enforces roles too). */
export function StaffPage({ title, subtitle, children }: { title: string; subtitle: string; children: (staff: StaffPersona) => ReactNode }) {
  const [who] = useLoad(() => callFunction('identity', 'whoami', {}))
  const t = useT()
  return (
    <PageShell title={title} subtitle={subtitle}>
      {who.state === 'loading' ? <Loading /> : null}
      {who.state === 'error' ? <ErrorBanner error={who.error} /> : null}
      {who.state === 'ready' ? (
        who.data.persona.kind === 'staff'
          ? children(who.data.persona)
          : (
            <View id='staff-only' className='card'>
              <Text className='card__title'>{t({ zh: '仅限诊所员工使用', en: 'This page is for clinic staff only' })}</Text>
            </View>
          )
      ) : null}
    </PageShell>
  )
}
