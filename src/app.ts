// Issue 12, speed: first, so a landing page's data request leaves before the rest of the app has loaded.
import './services/early'
import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { useAppTabBarLanguage } from './services/tabs'
import './app.css'

// weapp: CloudBase is initialised once, before any page calls a cloud function.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  // Issue 12: the tabBar's labels speak the person's language, whichever page they changed it on.
  useAppTabBarLanguage()
  useLaunch(() => {
    // Nothing to do at launch: identity comes from `identity.whoami` on each page.
  })
  return children
}

export default App
