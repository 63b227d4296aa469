export default definePageConfig({
  navigationBarTitleText: '牙友',
  // Issue 12: pull down to refresh instead of a refresh button.
  enablePullDownRefresh: true,
})
