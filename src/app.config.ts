export default defineAppConfig({
  // Main package: member and friend pages. A shared friend card link opens pages/card/claim/index;
  // messages (N3) open the page they are about, e.g. an event invitation pages/events/index (N4).
  pages: ['pages/index/index', 'pages/member/code/index', 'pages/cards/index', 'pages/card/claim/index', 'pages/card/code/index', 'pages/family/index', 'pages/family/accept/index', 'pages/referral/card/index', 'pages/referral/index', 'pages/coupon/index', 'pages/coupon/code/index', 'pages/rate/index', 'pages/inbox/index', 'pages/events/index', 'pages/bind/index', 'pages/mydata/index'],
  // Staff pages load only for staff, in their own subpackage (keeps the main package small).
  subPackages: [
    { root: 'staff', pages: ['reception/index', 'cards/index', 'membership/index', 'referral/index', 'birthdays/index', 'events/index', 'outbox/index', 'team/index', 'join/index', 'import/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '牙友 Yayou',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f7f7',
  },
})
