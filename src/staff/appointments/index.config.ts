export default definePageConfig({
  navigationBarTitleText: '预约申请',
})
