/**
 * `npm run build:cloudbase`: the release build for one CloudBase environment — the mini-program
 * (dist/, with YAYOU_ENV for `Taro.cloud.init` and YAYOU_APPID in dist/project.config.json) and the
 * cloud functions (dist-functions/). Refuses to start without YAYOU_ENV and YAYOU_APPID
 * (config/prod.ts says why). Also writes the git-ignored project.private.config.json with the AppID,
 * so WeChat DevTools opened on the repository root uploads to the real mini-program (DevTools lets
 * that file override project.config.json's `touristappid`). docs/deploy.md, "Building for CloudBase".
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cloudTarget } from '../config/prod'
import { buildFunctions } from './build-functions'
import { ROOT, run } from './lib'

async function main() {
  const env = { ...process.env, YAYOU_TARGET: 'cloudbase' }
  const target = cloudTarget(env) // throws with every missing or malformed value, before any work
  console.log(`▶ release build for CloudBase environment ${target.envId}, mini-program ${target.appid}`)
  const code = run('npx', ['taro', 'build', '--type', 'weapp'], { YAYOU_TARGET: 'cloudbase', NODE_ENV: 'production' })
  if (code !== 0) throw new Error(`taro build --type weapp failed (exit ${code})`)
  for (const f of await buildFunctions()) console.log(`  dist-functions/${f.name}/index.js  ${(f.bytes / 1024).toFixed(1)} KB`)
  const privateConfig = join(ROOT, 'project.private.config.json')
  writeFileSync(privateConfig, `${JSON.stringify({ description: 'Written by npm run build:cloudbase (not in git): the AppID for DevTools.', appid: target.appid }, null, 2)}\n`)
  console.log([
    '',
    `done: dist/ talks to ${target.envId}; ${privateConfig} names ${target.appid} for DevTools.`,
    'next (docs/deploy.md): npm run provision, then tcb fn deploy --all --force (or upload dist-functions/ in DevTools), then upload dist/ in DevTools.',
  ].join('\n'))
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
