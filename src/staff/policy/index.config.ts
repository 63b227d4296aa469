export default definePageConfig({
  navigationBarTitleText: '规则设置',
})
