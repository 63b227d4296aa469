/** The tabBar as WeChat requires it (issue 12): main-package pages, icons ≤ 40 KB, one list. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { switchTab: jest.fn(async () => undefined), navigateTo: jest.fn(async () => undefined) } }))
import Taro from '@tarojs/taro'
import { isTabPage, openPage, TAB_PAGES, TAB_TEXT } from './tabs'

interface TabItem { pagePath: string; text: string; iconPath: string; selectedIconPath: string }
interface AppConfig { pages: string[]; subPackages: Array<{ root: string }>; tabBar: { list: TabItem[] } }

const SRC = join(__dirname, '..')
function appConfig(): AppConfig {
  ;(globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../app.config') as { default: AppConfig }).default
}

test('the tabBar is 首页 / 会员码 / 我的, the same pages the app opens with switchTab, all in the main package', () => {
  const config = appConfig()
  expect(config.tabBar.list.map((t) => t.pagePath)).toEqual([...TAB_PAGES])
  expect(config.tabBar.list.map((t) => t.text)).toEqual(TAB_TEXT.map((t) => t.zh))
  expect(config.tabBar.list.map((t) => t.text)).toEqual(['首页', '会员码', '我的'])
  for (const p of TAB_PAGES) {
    expect(config.pages).toContain(p)
    expect(config.subPackages.some((s) => p.startsWith(`${s.root}/`))).toBe(false)
  }
})

test('every tab icon is a PNG of 81×81 and at most 40 KB (WeChat refuses larger)', () => {
  for (const t of appConfig().tabBar.list) {
    for (const icon of [t.iconPath, t.selectedIconPath]) {
      const file = join(SRC, icon)
      expect(existsSync(file)).toBe(true)
      expect(statSync(file).size).toBeLessThanOrEqual(40 * 1024)
      const png = readFileSync(file)
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([81, 81])
    }
  }
})

test('a tab page opens with switchTab (query dropped); any other page with navigateTo', async () => {
  expect(isTabPage('/pages/member/code/index')).toBe(true)
  expect(isTabPage('pages/index/index?x=1')).toBe(true)
  expect(isTabPage('/pages/family/index')).toBe(false)
  await openPage('/pages/index/index?from=inbox')
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  await openPage('/pages/events/index?id=e1')
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/events/index?id=e1' })
  expect(Taro.switchTab).toHaveBeenCalledTimes(1)
})
