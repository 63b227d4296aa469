export default definePageConfig({
  navigationBarTitleText: '会员到期提醒',
})
