/**
 * WeUI-style cells (issue 12, WeChat look): a white group of rows under an optional grey title, each
 * row a label on the left (with a hint under it), a value on the right, and an arrow when tapping
 * it goes somewhere. Content under a row (controls, a note) goes in `children`.
 */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.css'

export interface CellsProps {
  id?: string
  /** The grey title above the group (WeUI's cells title). */
  title?: ReactNode
  /** A small note under the group. */
  footer?: ReactNode
  className?: string
  children: ReactNode
}

export function Cells({ id, title, footer, className = '', children }: CellsProps) {
  return (
    <View id={id} className={`cells ${className}`.trim()}>
      {title ? <Text className='cells__title'>{title}</Text> : null}
      <View className='cells__group'>{children}</View>
      {footer ? <Text className='cells__footer'>{footer}</Text> : null}
    </View>
  )
}

export interface CellProps {
  id?: string
  label: ReactNode
  /** On the right, e.g. an amount or a state. */
  value?: ReactNode
  valueId?: string
  /** Grey, under the label. */
  hint?: ReactNode
  /** Tapping the row: it gets the pressed look and, unless `arrow` is false, an arrow (it links). */
  onClick?: () => void
  arrow?: boolean
  className?: string
  /** Under the row's line: controls that belong to this row. */
  children?: ReactNode
}

export function Cell({ id, label, value, valueId, hint, onClick, arrow, className = '', children }: CellProps) {
  const tappable = !!onClick
  const showArrow = arrow ?? tappable
  const cls = `cell ${tappable ? 'cell--link' : ''} ${className}`.replace(/\s+/g, ' ').trim()
  return (
    <View id={id} className={cls} onClick={onClick} hoverClass={tappable ? 'cell--active' : 'none'}>
      <View className='cell__main'>
        <View className='cell__body'>
          <Text className='cell__label'>{label}</Text>
          {hint ? <Text className='cell__hint'>{hint}</Text> : null}
        </View>
        {value !== undefined && value !== null ? <Text id={valueId} className='cell__value'>{value}</Text> : null}
        {showArrow ? <Text className='cell__arrow' aria-hidden='true' /> : null}
      </View>
      {children ? <View className='cell__extra'>{children}</View> : null}
    </View>
  )
}
