import * as tcb from '@cloudbase/node-sdk'
import { callerOpenid, contextEnvironment } from './caller'

const app = tcb.init({ env: 'unit-test-env', secretId: 'unit-test-id', secretKey: 'unit-test-key' })

/** An SCF context as the current runtime passes it (per-invocation variables as a JSON string). */
const scfContext = (environment: Record<string, string>) => ({
  memory_limit_in_mb: 256,
  time_limit_in_ms: 3000,
  request_id: 'req-1',
  function_version: '$LATEST',
  function_name: 'api',
  namespace: 'env-1',
  environment: JSON.stringify(environment),
})

const KEYS = ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'TCB_CONTEXT_KEYS']
let saved: Record<string, string | undefined>
beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
  for (const k of KEYS) delete process.env[k]
})
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
})

describe('callerOpenid', () => {
  test('reads WX_OPENID from the invocation context (current runtime: context.environment)', () => {
    const ctx = scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-ctx', WX_APPID: 'wx123', TCB_SOURCE: 'wx_client' })
    expect(callerOpenid(ctx, app)).toBe('o-ctx')
  })

  test('reads the old runtime format too (context.environ, k=v;k=v)', () => {
    const ctx = { ...scfContext({}), environment: undefined, environ: 'WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=o-old;WX_APPID=wx1' }
    expect(contextEnvironment(ctx)).toMatchObject({ WX_OPENID: 'o-old' })
    expect(callerOpenid(ctx, app)).toBe('o-old')
  })

  test('a context that describes the call but names no user → null, even if process.env still has one', () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID'
    process.env.WX_OPENID = 'o-previous-call'
    const ctx = scfContext({ WX_CONTEXT_KEYS: 'WX_APPID', WX_APPID: 'wx123', TRIGGER_SRC: 'timer' })
    expect(callerOpenid(ctx, app)).toBeNull()
  })

  test('without context variables: process.env through app.auth().getUserInfo() (the documented way)', () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = 'o-env'
    expect(app.auth().getUserInfo().openId).toBe('o-env')
    expect(callerOpenid({ request_id: 'x' }, app)).toBe('o-env')
    expect(callerOpenid(undefined, app)).toBe('o-env')
  })

  test('no user anywhere → null', () => {
    expect(callerOpenid(scfContext({ TCB_SOURCE: 'scf' }), app)).toBeNull()
    expect(callerOpenid(undefined, app)).toBeNull()
    expect(callerOpenid(null, null)).toBeNull()
    expect(callerOpenid({ environment: '{not json' }, app)).toBeNull()
  })

  test('an empty WX_OPENID is no user', () => {
    expect(callerOpenid(scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: '' }), app)).toBeNull()
  })
})
