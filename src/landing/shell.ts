/**
 * The page around a landing, as the app's PageShell draws it (same classes, same tokens): title,
 * an error banner with the server's words, the body, and the language switch.
 */
import type { Msg } from '../i18n'
import { h } from './dom'
import { lang, setLang, tr } from './lang'
import type { ApiError } from './api'

export function shell(title: Msg, error: ApiError | null, onCloseError: (() => void) | null, body: Node[], redraw: () => void): Node[] {
  const banner = error
    ? h('div', { className: 'error-banner', role: 'alert' },
      h('div', { className: 'error-banner__text' }, h('span', { className: 'error-banner__zh' }, tr({ zh: error.zh, en: error.en }))),
      onCloseError ? h('span', { className: 'error-banner__close', onClick: onCloseError }, '×') : null)
    : null
  const other = lang() === 'zh' ? 'English' : '中文'
  return [h('div', { className: 'page' },
    h('div', { className: 'page__head' }, h('span', { className: 'page__title' }, tr(title))),
    h('div', { className: 'page__body' }, banner, ...body),
    h('div', { className: 'page__lang' }, h('span', { id: 'lang-switch', className: 'page__lang-link', onClick: () => { setLang(lang() === 'zh' ? 'en' : 'zh'); redraw() } }, other)),
  )]
}

/** Into the app, at one of its pages (the hash route; the persona and language carry over on the device). */
export const goApp = (path: string): void => {
  window.location.href = `/#${path.startsWith('/') ? path : `/${path}`}`
}

export const btn = (id: string, text: string, onClick: () => void, variant: 'primary' | 'secondary' | 'plain' = 'primary', disabled = false): HTMLElement =>
  h('button', { id, type: 'button', className: `btn btn--${variant}${disabled ? ' btn--disabled' : ''}`, disabled, onClick: () => { if (!disabled) onClick() } }, text)

/** The app's skeleton (components/Skeleton.tsx): a card and lines to come. */
export const loading = (): HTMLElement =>
  h('div', { className: 'skeleton', 'aria-busy': 'true', role: 'status', 'data-skeleton': '1' },
    h('span', { className: 'sr-only' }, tr({ zh: '加载中', en: 'Loading' })),
    h('div', { className: 'skeleton__card', 'aria-hidden': 'true' },
      h('span', { className: 'skeleton__block skeleton__block--title' }),
      h('span', { className: 'skeleton__block skeleton__block--line' }),
      h('span', { className: 'skeleton__block skeleton__block--short skeleton__block--last' })))

/** C1: the rule lines as the server words them, numbered (the app's RuleLines). */
export const ruleLines = (id: string, lines: Msg[]): HTMLElement =>
  h('div', { id, className: 'rules' }, ...lines.map((l, i) => h('div', { className: 'rules__item' }, h('span', { className: 'rules__zh' }, `${i + 1}. ${tr(l)}`))))
