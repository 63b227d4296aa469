export default definePageConfig({
  navigationBarTitleText: '消息发送记录',
  enablePullDownRefresh: true, // issue 12 (usePullRefresh)
})
