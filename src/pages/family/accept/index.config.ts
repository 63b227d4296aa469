export default definePageConfig({
  navigationBarTitleText: '家庭会员邀请',
})
