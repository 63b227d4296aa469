/** Which CloudBase environment a build is for: tests and `npm start` need nothing; a release needs both ids. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { cloudTarget } from '../config/prod'

const ENV = 'yayou-prod-4g2a1b'
const APPID = 'wx0123456789abcdef'

test('a local build (no YAYOU_TARGET) needs nothing: a placeholder env, the tourist AppID', () => {
  expect(cloudTarget({})).toEqual({ release: false, envId: 'yayou-dev', appid: null })
  expect(cloudTarget({ NODE_ENV: 'production', YAYOU_APPID: APPID })).toEqual({ release: false, envId: 'yayou-dev', appid: null })
  expect(cloudTarget({ CLOUD_ENV: 'my-test-env1' }).envId).toBe('my-test-env1')
})

test('a release build takes YAYOU_ENV and YAYOU_APPID', () => {
  expect(cloudTarget({ YAYOU_TARGET: 'cloudbase', YAYOU_ENV: ENV, YAYOU_APPID: APPID })).toEqual({ release: true, envId: ENV, appid: APPID })
})

test('a release build without them, or with placeholders, stops and says what is missing', () => {
  const release = (env: Record<string, string>) => () => cloudTarget({ YAYOU_TARGET: 'cloudbase', ...env })
  expect(release({})).toThrow(/YAYOU_ENV is not set[\s\S]*YAYOU_APPID is not set/)
  expect(release({ YAYOU_ENV: ENV })).toThrow('YAYOU_APPID is not set')
  expect(release({ YAYOU_APPID: APPID })).toThrow('YAYOU_ENV is not set')
  expect(release({ YAYOU_ENV: 'yayou-dev', YAYOU_APPID: APPID })).toThrow('local placeholder')
  expect(release({ YAYOU_ENV: ENV, YAYOU_APPID: 'touristappid' })).toThrow('not a mini-program AppID')
  expect(release({ YAYOU_ENV: 'Yayou Prod', YAYOU_APPID: APPID })).toThrow('does not look like')
  expect(release({ YAYOU_ENV: ENV, YAYOU_APPID: APPID, CLOUD_ENV: 'other-env-1' })).toThrow('contradicts')
  expect(() => cloudTarget({ YAYOU_TARGET: 'prod' })).toThrow('YAYOU_TARGET="prod"')
})

test('npm run build:cloudbase without the ids fails at once, before building anything', () => {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const k of ['YAYOU_ENV', 'YAYOU_APPID', 'CLOUD_ENV', 'YAYOU_TARGET']) delete env[k]
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'build-cloudbase.ts')], { env, encoding: 'utf8', timeout: 60_000 })
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('YAYOU_ENV is not set')
  expect(r.stderr).toContain('YAYOU_APPID is not set')
  expect(r.stdout).not.toContain('release build for')
})
