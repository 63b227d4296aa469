/** Issue 12, item 5: the share images in the package — the shapes WeChat shows them at, and small. */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const DIR = join(__dirname, '..', 'src', 'assets', 'share')
const size = (file: string) => { const b = readFileSync(join(DIR, file)); expect(b.subarray(1, 4).toString()).toBe('PNG'); return [b.readUInt32BE(16), b.readUInt32BE(20)] }

test.each([
  ['referral.png', 5 / 4], // chat share card: 5:4
  ['friendcard.png', 5 / 4],
  ['referral-square.png', 1], // timeline: 1:1
])('%s: aspect %d, at least 400 pixels high, at most 60 KB', (file, aspect) => {
  const [w, h] = size(file)
  expect(w / h).toBeCloseTo(aspect, 5)
  expect(h).toBeGreaterThanOrEqual(400)
  expect(statSync(join(DIR, file)).size).toBeLessThanOrEqual(60 * 1024)
})
