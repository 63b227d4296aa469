export default defineAppConfig({
  // Main package: member and friend pages. A shared friend card link opens pages/card/claim/index;
  // messages (N3) open the page they are about, e.g. an event invitation pages/events/index (N4).
  pages: ['pages/index/index', 'pages/member/code/index', 'pages/me/index', 'pages/cards/index', 'pages/card/claim/index', 'pages/card/code/index', 'pages/family/index', 'pages/family/accept/index', 'pages/referral/card/index', 'pages/referral/index', 'pages/coupon/index', 'pages/coupon/code/index', 'pages/rate/index', 'pages/inbox/index', 'pages/events/index', 'pages/bind/index', 'pages/clinics/index'],
  // Staff pages load only for staff, in their own subpackage (keeps the main package small).
  subPackages: [
    // A patient's own data (C2 export): rarely opened, so it loads on demand (main package budget, issue 12).
    { root: 'account', pages: ['mydata/index'] },
    { root: 'staff', pages: ['reception/index', 'cards/index', 'membership/index', 'referral/index', 'birthdays/index', 'events/index', 'outbox/index', 'team/index', 'join/index', 'import/index', 'appointments/index', 'pricelist/index', 'bills/index', 'dayclose/index', 'policy/index', 'dashboard/index'] },
  ],
  // Issue 12: WeChat's tabBar. Its pages stay in the main package and are opened with switchTab
  // (src/services/tabs.ts lists them for the pages; a unit test keeps the two lists equal). Icons:
  // 81×81 PNGs drawn by scripts/tab-icons.ts. Staff reach their pages from 我的.
  tabBar: {
    color: '#8a9b99',
    selectedColor: '#14897e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/member/code/index', text: '会员码', iconPath: 'assets/tab/code.png', selectedIconPath: 'assets/tab/code-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '牙友 Yayou',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f7f7',
  },
})
