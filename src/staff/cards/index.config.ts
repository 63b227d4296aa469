export default definePageConfig({
  navigationBarTitleText: '亲友卡管理',
})
