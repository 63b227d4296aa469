/**
 * The embedded cloud: the same cloud functions as on CloudBase, over the SQLite store, with a
 * settable clock and a local QR key. Used by `npm start`, the integration tests and the job CLI.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../../src/domain/clock'
import { HmacQrSigner } from '../_core/adapters/qr/hmac-qr'
import { localPoster } from '../_core/adapters/local-poster'
import { localPhone } from '../_core/adapters/phone/local-phone'
import { openSqliteStore, type SqliteStore } from '../_core/adapters/embedded/sqlite-store'
import type { Deps } from '../_core/deps'
import { invoke } from '../_core/runtime/define'
import type { Result } from '../../src/api/contract'
import { DomainError } from '../../src/domain/errors'
import { runDaily, type DailyOptions, type DailySummary } from '../_core/usecases/daily'
import { deliverDue } from '../_core/usecases/outbox'
import { inboxChannel } from '../_core/adapters/notify/inbox-channel'
import type { MessageChannel } from '../_core/ports/notifier'
import { currentPolicy } from '../_core/deps'
import { isEmpty, loadDemoData } from './demo-data'
import { playDemoHistory } from './demo-history'
import { FUNCTIONS, isFnName } from './registry'

/** Real time plus an offset that `POST /api/dev/clock` moves; tests may pin it instead. */
export class LocalClock implements Clock {
  private offsetMs = 0
  private pinned: number | null = null
  now(): Date { return new Date(this.pinned ?? Date.now() + this.offsetMs) }
  set(at: Date): void { this.pinned = null; this.offsetMs = at.getTime() - Date.now() }
  pin(at: Date): void { this.pinned = at.getTime() }
  advance(ms: number): void { if (this.pinned !== null) this.pinned += ms; else this.offsetMs += ms }
}

export interface LocalCloudOptions {
  /** Folder for the database and the local QR key; ':memory:' keeps everything in memory. */
  dataDir: string
  clock?: LocalClock
  qrSecret?: string
  /** Load the demo chain into an empty database (default true). */
  demo?: boolean
  /** Then play four weeks of desk activity through the functions (demo-history.ts; `npm start` only, default false). */
  demoHistory?: boolean
  /** The message channel (default: the local inbox); tests pass a failing one. */
  channel?: (store: SqliteStore, clock: LocalClock) => MessageChannel
}

export class LocalCloud {
  readonly deps: Deps
  constructor(readonly store: SqliteStore, readonly clock: LocalClock, qrSecret: string, private readonly demo: boolean, channel: MessageChannel, private readonly demoHistory = false) {
    this.deps = { store, clock, qr: new HmacQrSigner(qrSecret), poster: localPoster, channel, phone: localPhone(store, clock) }
  }

  static async open(opts: LocalCloudOptions): Promise<LocalCloud> {
    const memory = opts.dataDir === ':memory:'
    if (!memory) mkdirSync(opts.dataDir, { recursive: true })
    const store = openSqliteStore({ file: memory ? ':memory:' : join(opts.dataDir, 'yayou.sqlite') })
    const secret = opts.qrSecret ?? process.env.YAYOU_QR_SECRET ?? (memory ? randomBytes(32).toString('hex') : localSecret(opts.dataDir))
    const clock = opts.clock ?? new LocalClock()
    const cloud = new LocalCloud(store, clock, secret, opts.demo ?? true, (opts.channel ?? inboxChannel)(store, clock), opts.demoHistory)
    if (cloud.demo && (await isEmpty(store))) await cloud.loadDemo()
    return cloud
  }

  /** Calls a function exactly as `wx.cloud.callFunction({ name, data })` would, as `openid`. */
  async call(name: string, event: unknown, openid: string | null): Promise<Result<unknown>> {
    if (!isFnName(name)) {
      const e = new DomainError('UNKNOWN_FUNCTION', { function: name })
      return { ok: false, error: { code: e.code, message: e.messages, details: e.details } }
    }
    return invoke(FUNCTIONS[name] as never, event, openid, this.deps)
  }

  /** Back to the demo data (local mode only). */
  async reset(): Promise<void> {
    await this.store.wipe()
    if (this.demo) await this.loadDemo()
  }

  private async loadDemo(): Promise<void> {
    await loadDemoData(this.store, this.clock.now())
    if (this.demoHistory) await playDemoHistory(this)
  }

  /** The daily timer's work, run now (local `POST /api/dev/run-daily`, the job CLI). */
  async runDaily(opts?: DailyOptions): Promise<Result<DailySummary>> {
    return { ok: true, data: await runDaily(this.deps, opts) }
  }

  /** The 10-minute timer's delivery pass (N3), run now (local `POST /api/dev/deliver`, npm start). */
  async deliver(): Promise<Result<unknown>> {
    return { ok: true, data: (await deliverDue(this.deps, await currentPolicy(this.store))).stats }
  }

  close(): Promise<void> { return this.store.close() }
}

function localSecret(dataDir: string): string {
  const file = join(dataDir, 'qr-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}
