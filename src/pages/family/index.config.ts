export default definePageConfig({
  navigationBarTitleText: '我的家庭',
  // M3: the owner's own tap on "invite" (Button openType="share") asks this page what to share.
  enableShareAppMessage: true,
  // Issue 12: pull down to see a family member who just accepted (usePullRefresh).
  enablePullDownRefresh: true,
})
