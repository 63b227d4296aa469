export default definePageConfig({
  navigationBarTitleText: '朋友推荐 · 首诊优惠',
})
