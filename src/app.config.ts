export default defineAppConfig({
  // Main package: member and friend pages.
  pages: ['pages/index/index', 'pages/member/code/index'],
  // Staff pages load only for staff, in their own subpackage (keeps the main package small).
  subPackages: [
    { root: 'staff', pages: ['reception/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '牙友 Yayou',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f7f7',
  },
})
