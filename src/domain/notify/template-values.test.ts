import { keywordType, shapeTemplateData, shapeValue } from './template-values'

const value = (key: string, raw: string | number) => {
  const r = shapeValue(key, raw)
  if (!r.ok) throw new Error(`expected ${key} to be shaped, got: ${r.reason}`)
  return r.value
}
const reason = (key: string, raw: string | number | undefined) => {
  const r = shapeValue(key, raw)
  if (r.ok) throw new Error(`expected ${key} to be refused, got ${JSON.stringify(r.value)}`)
  return r.reason
}

test('the keyword type is the key without its number', () => {
  expect(['thing1', 'character_string12', 'phone_number3', 'car_number2', 'time10', 'amount4', 'phrase2', 'name1', 'number01', 'date3'].map(keywordType))
    .toEqual(['thing', 'character_string', 'phone_number', 'car_number', 'time', 'amount', 'phrase', 'name', 'number', 'date'])
  expect(keywordType('keyword1')).toBeNull()
  expect(reason('keyword1', 'x')).toBe('keyword1：不认识的字段类型')
})

test('every type refuses an empty or missing value (WeChat: "data.thing1.value is empty")', () => {
  expect(reason('thing1', '  ')).toBe('thing1：值为空')
  expect(reason('time3', undefined)).toBe('time3：没有值')
})

test('thing: up to 20 characters of anything; longer is cut to 19 and …', () => {
  expect(value('thing1', '亲友卡即将到期')).toBe('亲友卡即将到期')
  const long = '李明送您的亲友卡余额¥600.00，还有14天到期'
  expect([...value('thing2', long)]).toHaveLength(20)
  expect(value('thing2', long)).toBe('李明送您的亲友卡余额¥600.00，还…')
  expect(value('thing3', '第一行\n第二行')).toBe('第一行 第二行') // line breaks become a space
  expect(value('thing4', 'x'.repeat(20))).toBe('x'.repeat(20)) // exactly 20 is kept whole
})

test('phrase: at most 5 Chinese characters, nothing else; never cut (a cut phrase says something else)', () => {
  expect(value('phrase1', '即将到期')).toBe('即将到期')
  expect(reason('phrase1', '即将到期了吗')).toContain('5 个以内的汉字')
  expect(reason('phrase2', '到期！')).toContain('不含标点')
  expect(reason('phrase3', '14天')).toContain('5 个以内的汉字')
})

test('name: ≤ 10 Chinese characters (letters mixed in count as Chinese), or ≤ 20 letters; never cut', () => {
  expect(value('name1', '王芳')).toBe('王芳')
  expect(value('name1', '阿依古丽·买买提')).toBe('阿依古丽·买买提')
  expect(value('name2', 'Anna Smith')).toBe('Anna Smith')
  expect(reason('name1', '欧阳娜娜娜娜娜娜娜娜娜')).toContain('最多 10 个字') // 11
  expect(reason('name2', 'Maximilian Alexander Smith')).toContain('20 个字母')
  expect(reason('name3', '李*')).toContain('只能是汉字') // a masked display name belongs in a thing keyword
  expect(reason('name4', '会员12')).toBe('name4「会员12」：姓名不能含数字')
})

test('time: a 24-hour time, the date optional before it, written as WeChat\'s example; a date alone is not a time', () => {
  expect(value('time1', '2026-12-01 09:00')).toBe('2026年12月1日 09:00')
  expect(value('time1', '2026-12-01T09:00:30')).toBe('2026年12月1日 09:00')
  expect(value('time2', '9:05')).toBe('09:05')
  expect(value('time3', '2026年12月1日 15:01')).toBe('2026年12月1日 15:01')
  expect(value('time4', '2026-12-18 14:00 ~ 2026-12-18 17:30')).toBe('2026年12月18日 14:00~2026年12月18日 17:30')
  expect(reason('time3', '2027-02-22')).toContain('需要 24 小时制时刻')
  expect(reason('time3', '2026-12-01T01:00:00.000Z')).toContain('须先换成诊所当地时间')
  expect(reason('time5', '25:00')).toContain('时间格式应为')
  expect(reason('time5', '下午三点')).toContain('时间格式应为')
})

test('date: year, month and day, a time optional after it; impossible dates are refused', () => {
  expect(value('date1', '2027-02-22')).toBe('2027年2月22日')
  expect(value('date2', '2027年02月05日')).toBe('2027年2月5日')
  expect(value('date3', '2026-12-18 14:00')).toBe('2026年12月18日 14:00')
  expect(value('date4', '2026-12-01~2026-12-03')).toBe('2026年12月1日~2026年12月3日')
  expect(reason('date1', '2027-02-30')).toContain('日期格式应为')
  expect(reason('date2', '09:00')).toBe('date2「09:00」：日期字段需要年月日')
})

test('amount: a number is fen and becomes ¥ with two decimals; text keeps one currency symbol and no separators', () => {
  expect(value('amount1', 60_000)).toBe('¥600.00')
  expect(value('amount1', 5)).toBe('¥0.05')
  expect(value('amount2', '¥1,234.50')).toBe('¥1234.50')
  expect(value('amount3', '600元')).toBe('¥600元')
  expect(value('amount3', '600')).toBe('¥600')
  expect(reason('amount4', -100)).toContain('非负的整数分')
  expect(reason('amount4', 12.5)).toContain('非负的整数分')
  expect(reason('amount5', '¥12345678901')).toContain('超过 10 位')
  expect(reason('amount6', '¥6.005')).toContain('最多两位小数')
})

test('character_string: ≤ 32 ASCII letters, digits or symbols; no Chinese, no spaces, never cut', () => {
  expect(value('character_string1', 'FC-2026-0001')).toBe('FC-2026-0001')
  expect(reason('character_string1', 'x'.repeat(33))).toContain('32 位以内')
  expect(reason('character_string2', '卡号123')).toContain('不含汉字')
  expect(reason('character_string3', 'AB 12')).toContain('不含汉字和空格')
})

test('number: ≤ 32 digits, decimals allowed', () => {
  expect(value('number1', 14)).toBe('14')
  expect(value('number2', '3.5')).toBe('3.5')
  expect(reason('number3', -3)).toContain('32 位以内的数字')
  expect(reason('number4', '1'.repeat(33))).toContain('32 位以内的数字')
  expect(reason('number5', '14天')).toContain('32 位以内的数字')
})

test('letter: ≤ 32 letters only', () => {
  expect(value('letter1', 'VIP')).toBe('VIP')
  expect(reason('letter1', 'VIP1')).toContain('32 个以内的字母')
  expect(reason('letter2', 'a'.repeat(33))).toContain('32 个以内的字母')
})

test('symbol: ≤ 5 symbols only', () => {
  expect(value('symbol1', '★★★')).toBe('★★★')
  expect(reason('symbol1', '★★★★★★')).toContain('5 个以内的符号')
  expect(reason('symbol2', 'A+')).toContain('5 个以内的符号')
})

test('phone_number: ≤ 17 digits and symbols; spaces are dropped', () => {
  expect(value('phone_number1', '+86-0766-66888866')).toBe('+86-0766-66888866')
  expect(value('phone_number2', '136 0000 1234')).toBe('13600001234')
  expect(reason('phone_number3', '+86-0766-668888661')).toContain('17 位以内')
  expect(reason('phone_number4', '前台电话')).toContain('17 位以内')
})

test('car_number: ≤ 8, first and last may be Chinese, the rest letters or digits', () => {
  expect(value('car_number1', '粤A8Z888挂')).toBe('粤A8Z888挂')
  expect(value('car_number2', '沪a·12345')).toBe('沪A12345')
  expect(reason('car_number3', '粤A8Z8888挂')).toContain('最多 8 位') // 9
  expect(reason('car_number4', '粤A汉888')).toContain('最多 8 位')
})

test('enum: passed as given (WeChat checks the template\'s own list), but not empty', () => {
  expect(value('enum1', '已到账')).toBe('已到账')
})

test('a message is shaped whole, or refused with the first field that cannot be', () => {
  expect(shapeTemplateData({ thing1: '亲友卡即将到期', amount2: 60_000, date3: '2027-02-22' }))
    .toEqual({ ok: true, data: { thing1: { value: '亲友卡即将到期' }, amount2: { value: '¥600.00' }, date3: { value: '2027年2月22日' } } })
  expect(shapeTemplateData({ thing1: '亲友卡即将到期', time3: '2027-02-22' }))
    .toEqual({ ok: false, reason: 'time3「2027-02-22」：时间字段需要 24 小时制时刻（只有日期时请配成 date 字段）' })
})
