import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig, { cloudTarget } from './prod'

/**
 * Taro build config (webpack5). One source tree, two targets:
 *  - weapp → dist/      (the mini-program; project.config.json points miniprogramRoot here)
 *  - h5    → dist-h5/   (served as static files by the local Node server, which also serves /api)
 */
const isH5 = process.env.TARO_ENV === 'h5'

/**
 * CloudBase environment id for `Taro.cloud.init` on weapp, and the AppID (config/prod.ts): a release
 * build (YAYOU_TARGET=cloudbase, `npm run build:cloudbase`) stops without YAYOU_ENV and YAYOU_APPID;
 * a local build uses a placeholder that reaches no environment.
 */
const target = cloudTarget(process.env)
// Taro writes dist/project.config.json with this AppID (@tarojs/cli generateProjectConfig).
if (target.appid) process.env.TARO_APP_ID = target.appid
const cloudEnv = target.envId
if (!target.release && !isH5) console.log(`[yayou] local weapp build (env "${cloudEnv}", tourist AppID): not for CloudBase; a release is \`npm run build:cloudbase\` (docs/deploy.md)`)

/**
 * N3: WeChat subscribe-message template ids, one per message (src/domain/notify/messages.ts
 * TEMPLATES), from the WeChat admin console: `TMPL_EVENT_INVITE=... npm run build:weapp`. A message
 * without an id is never asked for (src/services/subscribe.ts).
 */
// The same list as TEMPLATES in src/domain/notify/messages.ts: Taro's config loader cannot import from src.
const TEMPLATE_KEYS = ['card_expiry', 'card_unshared', 'card_unused', 'membership_expiry', 'birthday', 'holiday', 'event_invite', 'referral_reward']
const subscribeTemplates = Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, process.env[`TMPL_${k.toUpperCase()}`] || '']))

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yayou',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    // H5: the friend landings' light entry (config/landing.js; issue 12, speed).
    plugins: [require.resolve('./landing.js')],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(cloudEnv),
      // N3: the subscribe-message template for friend card reminders (configuration; empty = not asked).
      CARD_REMINDER_TEMPLATE: JSON.stringify(process.env.CARD_REMINDER_TEMPLATE || ''),
      // N3: the template id of each message (see above; empty = not asked).
      SUBSCRIBE_TEMPLATES: JSON.stringify(subscribeTemplates),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Modules used only by the staff subpackage stay out of the main package (size budget ≤ 600 KB).
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        // `taro build --type h5 --watch`: the API lives on the local Node server.
        proxy: [{ context: ['/api'], target: 'http://127.0.0.1:8787', changeOrigin: true }],
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
