export default definePageConfig({
  navigationBarTitleText: '我的亲友卡',
  // F3: the member's own tap on "send to a friend" (Button openType="share") asks this page what to share.
  enableShareAppMessage: true,
})
