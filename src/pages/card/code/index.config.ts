export default definePageConfig({
  navigationBarTitleText: '亲友卡付款码',
})
