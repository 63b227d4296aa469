import * as tcb from '@cloudbase/node-sdk'
import { callerOpenid, contextEnvironment } from './caller'

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

/** A warm instance after serving another user: their variables are still in process.env. */
function previousCallerInProcessEnv(openid = 'o-previous-caller-0000000000') {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_OPENID = openid
  process.env.WX_APPID = 'wx123'
}

describe('callerOpenid', () => {
  test('reads WX_OPENID from the invocation context (current runtime: context.environment)', () => {
    const ctx = scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-ctx', WX_APPID: 'wx123', TCB_SOURCE: 'wx_client' })
    expect(callerOpenid(ctx)).toBe('o-ctx')
  })

  test('reads the old runtime format too (context.environ, k=v;k=v)', () => {
    const ctx = { ...scfContext({}), environment: undefined, environ: 'WX_CONTEXT_KEYS=WX_OPENID;WX_OPENID=o-old;WX_APPID=wx1' }
    expect(contextEnvironment(ctx)).toMatchObject({ WX_OPENID: 'o-old' })
    expect(callerOpenid(ctx)).toBe('o-old')
  })

  test('this call\'s context wins over another user\'s OPENID left in process.env', () => {
    previousCallerInProcessEnv()
    const ctx = scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-this-call', WX_APPID: 'wx123' })
    expect(callerOpenid(ctx)).toBe('o-this-call')
  })

  test('a warm instance: a context naming no user → null, never the previous caller from process.env', () => {
    previousCallerInProcessEnv()
    // The SDK's documented getUserInfo() would hand out the previous caller here: that is the hazard.
    const app = tcb.init({ env: 'unit-test-env', secretId: 'unit-test-id', secretKey: 'unit-test-key' })
    expect(app.auth().getUserInfo().openId).toBe('o-previous-caller-0000000000')
    // A timer or HTTP call (context describes the call, no user), a context without variables, none.
    expect(callerOpenid(scfContext({ WX_CONTEXT_KEYS: 'WX_APPID', WX_APPID: 'wx123', TRIGGER_SRC: 'timer' }))).toBeNull()
    expect(callerOpenid(scfContext({ TCB_SOURCE: 'scf' }))).toBeNull()
    expect(callerOpenid({ request_id: 'x', function_name: 'member' })).toBeNull()
    expect(callerOpenid(undefined)).toBeNull()
    expect(callerOpenid(null)).toBeNull()
  })

  test('an OPENID in the event (userInfo) is never read: the caller takes only the context', () => {
    // The entry passes `context` alone; an event's `userInfo.openId` cannot reach callerOpenid.
    const forged = { action: 'home', userInfo: { openId: 'o-forged', appId: 'wx123' } }
    expect(callerOpenid(forged)).toBeNull()
  })

  test('no user, a malformed context or a malformed OPENID → null', () => {
    expect(callerOpenid({ environment: '{not json' })).toBeNull()
    expect(callerOpenid(scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: '' }))).toBeNull()
    expect(callerOpenid(scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o'.repeat(65) }))).toBeNull()
    expect(callerOpenid(scfContext({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o/../x' }))).toBeNull()
  })
})
