export default definePageConfig({
  navigationBarTitleText: '推荐有礼',
  // R1: the member's own tap on "send to a friend" (Button openType="share") asks this page what to share.
  enableShareAppMessage: true,
  // Issue 12, item 5: the top-right menu may also share to the timeline (useShareTimeline on the page).
  enableShareTimeline: true,
})
