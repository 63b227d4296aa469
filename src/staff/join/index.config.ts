export default definePageConfig({
  navigationBarTitleText: '加入诊所团队',
})
