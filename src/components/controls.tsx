/**
 * Form controls that are real HTML controls on H5 (so they type, select and disable like any web
 * form, and browser tests can drive them by id) and Taro components on the mini-program.
 */
import type { ReactNode } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'

const isH5 = process.env.TARO_ENV === 'h5'

export interface TextFieldProps {
  id: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  /** 'decimal' shows a number keyboard; the value is still validated as text (parseYuan). */
  kind?: 'text' | 'decimal'
  className?: string
  onConfirm?: () => void
}

export function TextField({ id, value, onChange, placeholder, kind = 'text', className = '', onConfirm }: TextFieldProps) {
  const cls = `field ${className}`.trim()
  if (isH5) {
    return (
      <input
        id={id}
        className={cls}
        value={value}
        placeholder={placeholder}
        inputMode={kind === 'decimal' ? 'decimal' : 'text'}
        autoComplete='off'
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onConfirm) onConfirm()
        }}
      />
    )
  }
  return (
    <Input
      id={id}
      className={cls}
      value={value}
      placeholder={placeholder}
      type={kind === 'decimal' ? 'digit' : 'text'}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={() => onConfirm?.()}
    />
  )
}

export interface BtnProps {
  id?: string
  children: ReactNode
  onClick: () => void
  disabled?: boolean
  variant?: 'primary' | 'secondary' | 'plain'
  className?: string
}

export function Btn({ id, children, onClick, disabled = false, variant = 'primary', className = '' }: BtnProps) {
  const cls = `btn btn--${variant} ${disabled ? 'btn--disabled' : ''} ${className}`.trim()
  if (isH5) {
    return (
      <button id={id} type='button' className={cls} disabled={disabled} onClick={() => onClick()}>
        {children}
      </button>
    )
  }
  return (
    <Button id={id} className={cls} disabled={disabled} onClick={() => { if (!disabled) onClick() }}>
      {children}
    </Button>
  )
}

export interface CheckFieldProps {
  id: string
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
  className?: string
}

/**
 * A consent or confirmation tick box, never ticked unless the person ticks it. H5: a real
 * <input type="checkbox"> in a <label>; weapp: a tappable row whose box shows ✓ when ticked.
 */
export function CheckField({ id, checked, onChange, children, className = '' }: CheckFieldProps) {
  const cls = `check ${checked ? 'check--on' : ''} ${className}`.trim()
  if (isH5) {
    return (
      <label className={cls} htmlFor={id}>
        <input id={id} type='checkbox' className='check__input' checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span className='check__label'>{children}</span>
      </label>
    )
  }
  return (
    <View id={id} className={cls} onClick={() => onChange(!checked)}>
      <Text className='check__box'>{checked ? '✓' : ''}</Text>
      <Text className='check__label'>{children}</Text>
    </View>
  )
}
