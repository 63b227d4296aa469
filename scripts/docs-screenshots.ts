/**
 * `npm run docs:screenshots`: refreshes the pictures in docs/screenshots on purpose, by running the
 * browser tests with their screenshots pointed there. An ordinary test run writes to `.screenshots/`
 * (ignored), so `npm test` never changes a tracked file.
 */
import { join } from 'node:path'
import { buildApp, ROOT, run } from './lib'

buildApp('h5')
process.exit(run('npx', ['jest', '--selectProjects', 'browser', ...process.argv.slice(2)], { YAYOU_SCREENSHOTS: join(ROOT, 'docs', 'screenshots') }))
