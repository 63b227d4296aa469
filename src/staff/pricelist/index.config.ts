export default definePageConfig({
  navigationBarTitleText: '收费项目',
})
