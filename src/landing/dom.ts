/**
 * The light entry's whole "framework": build elements from a description and replace a root's
 * children. A landing page is a handful of elements redrawn on each state change, so this is all it
 * needs (no virtual DOM, nothing to download).
 */
type Child = Node | string | null | undefined | false
type Props = Record<string, string | boolean | ((e: Event) => void) | undefined>

export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v)
    else if (k === 'className') el.className = v as string
    else if (k === 'checked') (el as HTMLInputElement).checked = Boolean(v)
    else el.setAttribute(k, v === true ? '' : v)
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c)
  return el
}

/** Draws `view` into `root`, in place of what was there. */
export function draw(root: HTMLElement, view: Node[]): void {
  root.replaceChildren(...view)
}
