export default definePageConfig({
  navigationBarTitleText: '亲友储值卡',
})
