export default definePageConfig({
  navigationBarTitleText: '员工管理',
  // The admin's own tap on "send to the new colleague" (Button openType="share") shares the invitation.
  enableShareAppMessage: true,
})
