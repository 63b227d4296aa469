export default definePageConfig({
  navigationBarTitleText: '牙友 Yayou',
})
