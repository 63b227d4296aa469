export default definePageConfig({
  navigationBarTitleText: '患者导入',
})
