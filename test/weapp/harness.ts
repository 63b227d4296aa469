/**
 * Renders pages of the COMPILED mini-program (`dist/`, from `npm run build:weapp`) with
 * miniprogram-simulate, so a test sees what WeChat would show.
 *
 * How: Taro's weapp output is a real mini-program — `app.js` (which pulls in runtime, taro,
 * vendors and common chunks) calls `App()`, each page's js calls `Page()`, and the recursive
 * `comp` custom component calls `Component()`. We stub those globals and `getApp` /
 * `getCurrentPages`, evaluate the files in the order WeChat would, and capture the options. The
 * templates (`<import src="base.wxml">`, `<template is="{{...}}">`, `utils.wxs`) are compiled
 * with WeChat's own wxml compiler (wcc, shipped in miniprogram-compiler, used by
 * miniprogram-simulate's "official" mode); the page's options are then registered as a
 * component with its compiled template, rendered and attached, and the page lifecycles
 * (onLoad, onShow, onReady) are called as WeChat would call them.
 *
 * `wx.cloud.callFunction` (what `Taro.cloud.callFunction` calls) is answered by a handler the
 * test gives, returning canned `Result` data.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { findById, type RenderedPage } from './rendered-page'

export type { RenderedPage }

export const ROOT = resolve(__dirname, '..', '..')
export const DIST = join(ROOT, 'dist')

/* eslint-disable @typescript-eslint/no-explicit-any -- the mini-program globals are untyped by nature */
type Fn = (...args: any[]) => any
type Options = Record<string, any>

export interface CloudCall { name: string; data: Record<string, unknown> }
/** Answers one `wx.cloud.callFunction`: return the `Result` the cloud function would return. */
export type CloudHandler = (name: string, data: Record<string, unknown>) => unknown

/** Fails with a clear message when the mini-program has not been built. */
export function assertBuilt(): void {
  const marker = join(DIST, 'app.js')
  if (!existsSync(marker)) {
    throw new Error(
      `The mini-program is not built: ${marker} is missing. Build it first with \`npm run build:weapp\` ` +
        '(NODE_ENV=production npx taro build --type weapp), then run `npx jest --selectProjects weapp` again.',
    )
  }
}

interface Simulate {
  load(def: Options): string
  render(id: string, props?: Options): RenderedComponent
  sleep(ms: number): Promise<void>
}

export interface RenderedComponent {
  dom: HTMLElement | undefined
  instance: Options
  attach(parent: Node): void
  detach(): void
  querySelector(selector: string): RenderedComponent | undefined
  querySelectorAll(selector: string): RenderedComponent[]
  dispatchEvent(eventName: string, options?: Options): void
}

interface MiniProgram {
  simulate: Simulate
  gwx: (path: string) => Fn
  pages: Map<string, Options>
  pageStack: Options[]
  compId: string
  registered: Map<string, string>
  calls: CloudCall[]
  handler: { current: CloudHandler }
  /** The page query of the render in progress (a page is registered once; each render has its own query). */
  query: { current: Record<string, string> }
}

let mp: MiniProgram | null = null

/** Runs dist files as WeChat's module loader would: `require` relative to the file, each once. */
function makeLoader(onFile: (rel: string) => void) {
  const cache = new Map<string, { exports: unknown }>()
  const run = (abs: string): unknown => {
    const file = abs.endsWith('.js') ? abs : `${abs}.js`
    const hit = cache.get(file)
    if (hit) return hit.exports
    const mod = { exports: {} as unknown }
    cache.set(file, mod)
    onFile(relative(DIST, file).replace(/\\/g, '/').replace(/\.js$/, ''))
    const code = readFileSync(file, 'utf8')
    const fn = new Function('require', 'module', 'exports', code) as (r: Fn, m: typeof mod, e: unknown) => void
    fn((p: string) => run(resolve(dirname(file), p)), mod, mod.exports)
    return mod.exports
  }
  return run
}

/** Plain methods of a Page/Component options object, for a j-component definition. */
function methodsOf(options: Options): Options {
  const out: Options = {}
  for (const [k, v] of Object.entries(options)) if (typeof v === 'function') out[k] = v
  return out
}

/**
 * Loads the built mini-program once per test file: globals, app.js and its chunks, `comp`,
 * every page. Returns the shared state; `renderPage` uses it.
 */
export function loadMiniProgram(): MiniProgram {
  if (mp) return mp
  assertBuilt()

  const g = globalThis as Options
  // miniprogram-simulate installs the `wx` API mock and the built-in components.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string, options?: { maxBuffer?: number }): string }

  const calls: CloudCall[] = []
  const handler: { current: CloudHandler } = {
    current: (name) => ({ ok: false, error: { code: 'UNKNOWN_FUNCTION', message: { zh: '测试未提供', en: `no stub for ${name}` } } }),
  }
  const wx = g.wx as Options
  // Taro reads `wx.cloud` once, when taro.js runs (Taro.cloud = wx.cloud), so it must exist first.
  wx.cloud = {
    init: () => undefined,
    callFunction: ({ name, data }: { name: string; data: Record<string, unknown> }) => {
      calls.push({ name, data })
      return new Promise((ok, bad) => {
        setTimeout(() => {
          try {
            ok({ result: handler.current(name, data), errMsg: 'cloud.callFunction:ok' })
          } catch (e) {
            bad(e)
          }
        }, 0)
      })
    },
  }

  let app: Options | null = null
  const pages = new Map<string, Options>()
  const components = new Map<string, Options>()
  const pageStack: Options[] = []
  let current = ''

  g.App = (options: Options) => { app = options }
  g.getApp = () => app
  g.Page = (options: Options) => { pages.set(current, options) }
  g.Component = (options: Options) => { components.set(current, options) }
  g.getCurrentPages = () => pageStack.slice()

  const run = makeLoader((rel) => { current = rel })
  run(join(DIST, 'app.js'))
  if (!app) throw new Error('dist/app.js did not call App(): is dist/ a Taro weapp build?')
  const appInstance: Options = app
  appInstance.onLaunch?.call(appInstance, { path: 'pages/index/index', query: {}, scene: 1001 })
  appInstance.onShow?.call(appInstance, { path: 'pages/index/index', query: {}, scene: 1001 })

  // The recursive `comp` component (deep trees) and every page listed in app.json.
  const appJson = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const routes = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  if (existsSync(join(DIST, 'comp.js'))) run(join(DIST, 'comp.js'))
  for (const route of routes) run(join(DIST, `${route}.js`))

  // WeChat's own wxml compiler over the whole dist (imports, templates and wxs resolved by it).
  const gwx = new Function(compiler.wxmlToJs(DIST, { maxBuffer: 64 * 1024 * 1024 }))() as (path: string) => Fn

  const compId = 'taro-comp'
  const compOptions = components.get('comp')
  if (compOptions) {
    simulate.load({
      ...compOptions,
      id: compId,
      tagName: 'comp',
      template: gwx('comp.wxml'),
      usingComponents: { comp: compId },
      methods: { ...(compOptions.methods ?? {}) },
    })
  }

  mp = { simulate, gwx, pages, pageStack, compId, registered: new Map(), calls, handler, query: { current: {} } }
  return mp
}

/**
 * Element ids live in the simulated component tree (exparser), not as DOM attributes, so look
 * them up there: in the page's own shadow tree, then inside nested `comp` components (Taro
 * moves very deep trees into them).
 */
/**
 * Renders the page at `route` (e.g. 'pages/index/index') with cloud calls answered by `cloud` and
 * `query` as the page's query (what WeChat passes to onLoad, e.g. `{ t: '<token>' }`).
 * The page is registered as a component whose template is the compiled page wxml; attaching it
 * runs onLoad → onShow, then onReady, as WeChat does for a page.
 */
export async function renderPage(route: string, cloud: CloudHandler, query: Record<string, string> = {}): Promise<RenderedPage> {
  const m = loadMiniProgram()
  const options = m.pages.get(route)
  if (!options) throw new Error(`dist has no page ${route} (pages: ${[...m.pages.keys()].join(', ')})`)
  m.handler.current = cloud
  m.calls.length = 0
  m.query.current = { ...query }

  let id = m.registered.get(route)
  if (!id) {
    const pageMethods = methodsOf(options)
    const stack = m.pageStack
    const pageQuery = m.query
    id = m.simulate.load({
      id: `page-${route.replace(/[^a-z0-9]/gi, '-')}`,
      tagName: 'page',
      template: m.gwx(`${route}.wxml`),
      usingComponents: { comp: m.compId },
      data: JSON.parse(JSON.stringify(options.data ?? {})),
      methods: pageMethods,
      lifetimes: {
        attached(this: Options) {
          this.route = route
          this.__route__ = route
          stack.push(this)
          this.onLoad?.({ ...pageQuery.current })
          this.onShow?.()
        },
        ready(this: Options) {
          this.onReady?.()
        },
        detached(this: Options) {
          this.onHide?.()
          this.onUnload?.()
          const i = stack.indexOf(this)
          if (i >= 0) stack.splice(i, 1)
        },
      },
    })
    m.registered.set(route, id)
  }

  const component = m.simulate.render(id)
  const parent = document.createElement('parent-wrapper')
  document.body.appendChild(parent)
  component.attach(parent)
  const root = component.dom as HTMLElement

  const byId = (elId: string) => findById(component, elId)?.dom ?? null
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()
  const page: RenderedPage = {
    root,
    component,
    byId,
    textOf: (elId) => {
      const el = byId(elId)
      return el ? squash(el.textContent) : null
    },
    text: () => squash(root.textContent),
    async waitFor(check, what, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        if (check()) return
        if (Date.now() > until) {
          throw new Error(`Timed out waiting for ${what}.\nPage text: ${page.text() || '(empty)'}\nCloud calls: ${JSON.stringify(m.calls)}`)
        }
        await m.simulate.sleep(20)
      }
    },
    async tap(elId) {
      const target = findById(component, elId)
      if (!target) throw new Error(`No element #${elId} to tap.\nPage text: ${page.text()}`)
      target.dispatchEvent('tap', { touches: [], changedTouches: [] })
      await m.simulate.sleep(0)
    },
    calls: m.calls,
    close() {
      component.detach()
      parent.remove()
    },
  }
  return page
}
