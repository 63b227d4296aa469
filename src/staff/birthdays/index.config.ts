export default definePageConfig({
  navigationBarTitleText: '会员生日礼物',
})
