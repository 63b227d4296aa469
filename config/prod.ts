import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>

/**
 * Which CloudBase environment and mini-program the build is for (docs/deploy.md, "Building for
 * CloudBase"). Two kinds of build:
 * - local (YAYOU_TARGET unset): tests, `npm start`, DevTools previews in tourist mode. The env id is
 *   a placeholder (CLOUD_ENV or `yayou-dev`) and the appid stays project.config.json's `touristappid`;
 *   such a build cannot reach any CloudBase environment (config/index.ts prints a reminder).
 * - release (YAYOU_TARGET=cloudbase, set by `npm run build:cloudbase`): YAYOU_ENV and YAYOU_APPID are
 *   required and checked; a missing or placeholder value stops the build with the reason.
 */
export interface CloudTarget { release: boolean; envId: string; appid: string | null }

/** WeChat AppIDs: `wx` and 16 hex digits. */
const APPID = /^wx[0-9a-f]{16}$/
/** CloudBase env ids: the name given at creation plus a generated suffix, e.g. `yayou-prod-4g2a1b`. */
const ENV_ID = /^[a-z][a-z0-9-]{3,39}$/
const LOCAL_ENV = 'yayou-dev'

export function cloudTarget(env: Record<string, string | undefined>): CloudTarget {
  const target = (env.YAYOU_TARGET ?? '').trim()
  if (target === '') return { release: false, envId: env.CLOUD_ENV || LOCAL_ENV, appid: null }
  if (target !== 'cloudbase') throw new Error(`YAYOU_TARGET="${target}": use YAYOU_TARGET=cloudbase for a build that talks to CloudBase, or leave it unset for a local build.`)
  const envId = (env.YAYOU_ENV ?? '').trim()
  const appid = (env.YAYOU_APPID ?? '').trim()
  const problems: string[] = []
  if (!envId) problems.push('YAYOU_ENV is not set: the CloudBase environment id (云开发控制台 → 环境 → 环境 ID, e.g. yayou-prod-4g2a1b)')
  else if (envId === LOCAL_ENV) problems.push(`YAYOU_ENV="${LOCAL_ENV}" is the local placeholder, not a CloudBase environment`)
  else if (!ENV_ID.test(envId)) problems.push(`YAYOU_ENV="${envId}" does not look like a CloudBase environment id`)
  if (!appid) problems.push('YAYOU_APPID is not set: the mini-program\'s AppID (微信公众平台 → 开发管理 → 开发设置, wx + 16 hex digits)')
  else if (!APPID.test(appid)) problems.push(`YAYOU_APPID="${appid}" is not a mini-program AppID (wx + 16 hex digits; touristappid cannot use CloudBase)`)
  if (env.CLOUD_ENV && env.CLOUD_ENV !== envId) problems.push(`CLOUD_ENV="${env.CLOUD_ENV}" contradicts YAYOU_ENV="${envId}": unset CLOUD_ENV`)
  if (problems.length) throw new Error(`A CloudBase build (YAYOU_TARGET=cloudbase) cannot start:\n  - ${problems.join('\n  - ')}\nSee docs/deploy.md, "Building for CloudBase".`)
  return { release: true, envId, appid }
}
