import Taro from '@tarojs/taro'
import { CONFIRM, DANGER_COLOR, confirmAction, fitsButton, modalOptions } from './confirm'
import { setLang } from '../i18n'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { showModal: jest.fn(), getStorageSync: jest.fn(() => ''), setStorageSync: jest.fn() },
}))
const showModal = Taro.showModal as unknown as jest.Mock

afterEach(() => { showModal.mockReset(); setLang('zh') })

describe('confirmation dialogs name the person and the amount (issue 12)', () => {
  test('a refund, in Chinese: 「确认为 张三 退款 ¥120.00？」 with a red confirm button', () => {
    const o = modalOptions(CONFIRM.refund('张三', 12_000), 'zh')
    expect(o.content).toContain('确认为 张三 退款 ¥120.00？')
    expect(o).toMatchObject({ title: '确认退款', confirmText: '退款', cancelText: '取消', confirmColor: DANGER_COLOR })
  })

  test('the same refund in English names the same person and amount, with no Chinese', () => {
    const o = modalOptions(CONFIRM.refund('Zhang San', 1_234_567), 'en')
    expect(o.content).toBe('Refund ¥12,345.67 to Zhang San? This cannot be undone.')
    expect(o.cancelText).toBe('Cancel')
    expect(`${o.title}${o.content}${o.confirmText}`).not.toMatch(/[\u4e00-\u9fff]/)
  })

  test('paying a bill, marking a payout paid and a balance request name who and how much', () => {
    expect(modalOptions(CONFIRM.payBill('李明', 49_500), 'zh').content).toBe('确认 李明 本次应付 ¥495.00 已收款？')
    expect(modalOptions(CONFIRM.payBill('李明', 49_500, { zh: '现金', en: 'cash' }), 'zh').content).toBe('确认 李明 本次应付 ¥495.00 已用现金收款？') // issue 13: how it was paid
    expect(modalOptions(CONFIRM.payBill('李明', 49_500, { zh: '现金', en: 'cash' }), 'en').content).toBe('Has 李明 paid ¥495.00 by cash?')
    expect(modalOptions(CONFIRM.markPaid('王芳', 5_000), 'zh').content).toContain('向 王芳 发放 ¥50.00')
    expect(modalOptions(CONFIRM.declineBalance('小明', 30_000), 'en').content).toContain("小明's request to pay ¥300.00")
    expect(modalOptions(CONFIRM.unbind('李小红'), 'zh').content).toContain('李小红')
  })

  test('every confirm button fits WeChat\'s 4-character limit in both languages; a longer one falls back to 确定/OK', () => {
    const all = [CONFIRM.refund('a', 1), CONFIRM.payBill('a', 1), CONFIRM.markPaid('a', 1), CONFIRM.unbind('a'), CONFIRM.declineBalance('a', 1), CONFIRM.approveBalance('a', 1), CONFIRM.disableStaff('a')]
    for (const r of all) for (const l of ['zh', 'en'] as const) expect(fitsButton(r.confirmText[l])).toBe(true)
    expect(fitsButton('确认退款金额')).toBe(false)
    const long = { title: { zh: 't', en: 't' }, content: { zh: 'c', en: 'c' }, confirmText: { zh: '确认退款金额', en: 'Mark as refunded' } }
    expect(modalOptions(long, 'zh').confirmText).toBe('确定')
    expect(modalOptions(long, 'en').confirmText).toBe('OK')
  })
})

describe('confirmAction', () => {
  test('true only on the confirm button; cancel and a failed dialog are a no', async () => {
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false })
    await expect(confirmAction(CONFIRM.unbind('李小红'))).resolves.toBe(true)
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await expect(confirmAction(CONFIRM.unbind('李小红'))).resolves.toBe(false)
    showModal.mockRejectedValueOnce(new Error('showModal:fail'))
    await expect(confirmAction(CONFIRM.unbind('李小红'))).resolves.toBe(false)
  })

  test('asks in the person\'s language', async () => {
    setLang('en')
    showModal.mockResolvedValueOnce({ confirm: true })
    await confirmAction(CONFIRM.refund('Zhang San', 12_000))
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: 'Refund', content: expect.stringContaining('¥120.00 to Zhang San'), cancelText: 'Cancel' })
  })

  test('a second tap while the dialog is open is refused, not a second dialog', async () => {
    let answer: (v: { confirm: boolean }) => void = () => undefined
    showModal.mockImplementationOnce(() => new Promise((r) => { answer = r }))
    const first = confirmAction(CONFIRM.payBill('李明', 100))
    await expect(confirmAction(CONFIRM.payBill('李明', 100))).resolves.toBe(false)
    expect(showModal).toHaveBeenCalledTimes(1)
    answer({ confirm: true })
    await expect(first).resolves.toBe(true)
  })
})
