/**
 * Issue 11, cold start: `@cloudbase/node-sdk` is bundled into each function, minus the parts no
 * function of ours reaches. Requiring the SDK loads all of it (its request code requires
 * `../cloudbase`, which requires AI, data models, storage, JWT …): about 300 ms before the first
 * line of ours runs. Our functions use `init()` and `database()` only; wx-server-sdk (cloud calls)
 * stays external and is required lazily by the three adapters that need it, so it brings its own
 * full copy on first use.
 *
 * Each left-out part becomes a stand-in that fails loudly the moment anything is read from it, naming
 * the part, so a future use shows up in the first test that reaches it rather than as wrong data.
 * The SDK already guards its data-model set-up in `init()` with try/catch, which is the one place it
 * touches a left-out part without being asked. test/integration/function-bundles.test.ts loads every
 * bundle in a fresh process and runs a database round trip through the bundled SDK.
 */
import type { Plugin } from 'esbuild'

/** Left out, with the SDK feature that needs it (none is used by our functions). */
export const LEFT_OUT: Record<string, string> = {
  '@cloudbase/wx-cloud-client-sdk': 'data models and MySQL (app.models, app.rdb)',
  '@cloudbase/ai': 'AI (app.ai)',
  '@cloudbase/app': 'AI (app.ai)',
  'xml2js': 'storage (uploadFile, downloadFile …)',
  'jsonwebtoken': 'custom-login tickets (auth().createTicket)',
  // axios serves only the SDK's metadata lookups (plain GETs); form-data (with its 185 KB MIME table)
  // is what axios needs to send multipart bodies.
  'form-data': 'multipart uploads through axios',
}

/** The SDK's own feature folders left out, as `@cloudbase/node-sdk/dist/cloudbase.js` requires them. */
export const LEFT_OUT_PARTS: Record<string, string> = {
  './ai': 'AI (app.ai)',
  './storage': 'storage (uploadFile, downloadFile …)',
  './analytics': 'analytics reports (app.analytics)',
  './notification': 'notifications (app.sendNotification)',
}

const NS = 'yayou-left-out'

/** The stand-in's code: reading `__esModule` answers false (so `__importDefault` wraps it); anything else throws. */
function standIn(name: string, feature: string): string {
  const msg = `${name} is left out of this function's bundle (scripts/sdk-trim.ts); it serves ${feature}, which Yayou's functions do not use`
  return `const fail = () => { throw new Error(${JSON.stringify(msg)}) }
module.exports = new Proxy(function leftOut() {}, {
  get(_t, k) { if (k === '__esModule') return false; if (typeof k === 'symbol' || k === 'then') return undefined; fail() },
  apply: fail, construct: fail,
})`
}

export function sdkTrim(): Plugin {
  return {
    name: 'yayou-sdk-trim',
    setup(b) {
      const filter = new RegExp(`^(${Object.keys(LEFT_OUT).map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})$`)
      b.onResolve({ filter }, (a) => ({ path: a.path, namespace: NS }))
      b.onResolve({ filter: /^\.\/[a-z]+$/ }, (a) => /@cloudbase\/node-sdk\/dist\/cloudbase\.js$/.test(a.importer) && LEFT_OUT_PARTS[a.path]
        ? { path: a.path, namespace: NS } : undefined)
      b.onLoad({ filter: /.*/, namespace: NS }, (a) => ({ contents: standIn(`@cloudbase/node-sdk ${a.path}`.replace(/^@cloudbase\/node-sdk (?!\.)/, ''), LEFT_OUT[a.path] ?? LEFT_OUT_PARTS[a.path]), loader: 'js' }))
    },
  }
}
