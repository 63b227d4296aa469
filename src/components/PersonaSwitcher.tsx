import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { DemoPersona } from '../api/contract'
import { currentOpenid, loadPersonas, onPersonaChange, setOpenid } from '../services/persona'

const KIND_LABEL: Record<DemoPersona['kind'], string> = { member: '会员', friend: '亲友', staff: '员工' }

/**
 * Local mode only (H5): pick whom the app acts as. Hidden when the server is not in local mode
 * and always on weapp, where WeChat identifies the user.
 *
 * The options carry their text in the `label` attribute, not as text content: a closed select then
 * shows only the current persona, and the page's text (what a friend "sees", C2) does not list
 * the other demo people — `innerText` of a <select> would otherwise include every option.
 */
export function PersonaSwitcher() {
  const [personas, setPersonas] = useState<DemoPersona[] | null>(null)
  const [openid, setLocal] = useState<string | null>(() => currentOpenid())

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    let live = true
    void loadPersonas().then((list) => {
      if (live) setPersonas(list)
    })
    const off = onPersonaChange(setLocal)
    return () => {
      live = false
      off()
    }
  }, [])

  if (process.env.TARO_ENV !== 'h5' || !personas) return null
  const known = openid !== null && personas.some((p) => p.openid === openid)
  return (
    <View id='persona-bar' className='persona-bar'>
      <Text className='persona-bar__label'>本地身份</Text>
      <select
        id='persona-select'
        className='persona-bar__select'
        value={openid ?? ''}
        onChange={(e) => setOpenid(e.target.value || null)}
      >
        <option value='' label='访客（未选择）Guest' />
        {!known && openid ? <option value={openid} label={openid} /> : null}
        {personas.map((p) => (
          <option key={p.openid} value={p.openid} label={`${p.label}（${KIND_LABEL[p.kind]}）`} />
        ))}
      </select>
    </View>
  )
}
