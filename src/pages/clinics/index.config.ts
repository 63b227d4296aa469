export default definePageConfig({
  navigationBarTitleText: '门店与预约',
})
