export default definePageConfig({
  navigationBarTitleText: '会员到期提醒',
  enablePullDownRefresh: true, // issue 12: pull to refresh (usePullRefresh), no 刷新 button
})
