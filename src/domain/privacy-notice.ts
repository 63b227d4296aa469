/**
 * C2: the privacy notice (个人信息保护告知书) a person agrees to at first use. Dental records are
 * sensitive personal information under China's PIPL (health data; a child under 14's data too), so
 * the notice says plainly what is held, why, for how long, who sees it, how to export it and whom
 * to ask. One source for the mini-program (shown without a round trip) and `privacy.notice`.
 * Change the text → change the version: everyone is asked again.
 */
export interface NoticeSection { heading: string; paragraphs: string[] }
export interface NoticeText { version: string; title: string; effectiveOn: string; summary: string; sections: NoticeSection[] }

/** The version is the date it takes effect. */
export const PRIVACY_NOTICE_VERSION = '2026-11-01'

export const PRIVACY_NOTICE: NoticeText = {
  version: PRIVACY_NOTICE_VERSION,
  title: '牙友口腔个人信息保护告知书',
  effectiveOn: '2026年11月1日',
  summary:
    '我们会保存您的就诊档案、就诊与消费记录、会员与推荐信息以及消息记录，用于收费、会员优惠、亲友卡和推荐奖励、按您的订阅发送提醒。' +
    '就诊信息属于敏感个人信息，仅为您服务的员工按工作需要查看，朋友只能看到您设定的称呼和卡券内容。' +
    '您可以随时在“我的数据”中查看和导出这些信息。',
  sections: [
    {
      heading: '我们是谁',
      paragraphs: ['牙友口腔连锁诊所（以下简称“我们”）运营“牙友”小程序，为患者提供会员服务、亲友储值卡和推荐计划。我们是您个人信息的处理者。'],
    },
    {
      heading: '我们保存哪些信息',
      paragraphs: [
        '就诊档案：姓名、手机号、出生日期、病历编号、就诊门店。',
        '就诊与消费记录：就诊日期、治疗项目名称、金额、折扣、退款。治疗项目反映您的健康状况，属于《个人信息保护法》规定的敏感个人信息。',
        '会员与账户：会员等级、累计消费、奖励金余额和明细、亲友卡、优惠券、推荐关系、家庭成员绑定及代付授权。',
        '微信信息：微信为本小程序分配给您的用户标识、您设定的称呼；经您同意验证的手机号。',
        '消息与同意记录：您订阅的提醒、我们发给您的消息及发送结果、您对本告知书的同意时间和版本。',
        '您提交的就诊评价、会员活动报名和签到记录。',
      ],
    },
    {
      heading: '为什么使用',
      paragraphs: [
        '用于到店收费和会员折扣、计算会员等级、发放和使用亲友卡与优惠券、计算并发放推荐奖励、按您的订阅发送提醒和生日祝福、防止冒用和欺诈，以及履行法律法规规定的义务。',
        '我们不会把您的就诊信息用于广告，不出售您的个人信息。',
      ],
    },
    {
      heading: '谁能看到',
      paragraphs: [
        '为您服务的本连锁诊所员工（前台、咨询师、医生、院长、管理员），各自只能查看工作所需的部分；员工看到的手机号做了部分隐藏。',
        '您赠送亲友卡或分享推荐卡时，朋友只能看到您设定的称呼和卡券内容，看不到您的姓名、病历编号或任何就诊信息。',
        '腾讯云（微信云开发）为我们存储数据，数据存放在中国境内；您订阅提醒后，由微信向您发送订阅消息。除法律法规要求外，我们不向其他第三方提供您的个人信息。',
      ],
    },
    {
      heading: '保存多久',
      paragraphs: [
        '门诊病历和收费凭证按国家规定的期限保存：门诊病历自最后一次就诊之日起不少于15年，会计凭证不少于30年。',
        '会员、推荐、卡券和消息记录在会员关系结束或活动结束后保存3年，用于对账和处理争议，到期后删除或匿名化处理。',
      ],
    },
    {
      heading: '您的权利',
      paragraphs: [
        '您可以查阅和复制我们保存的您的信息：首页进入“我的数据”，点击“导出”，即可得到一份文件（JSON 或表格）。',
        '您可以要求更正或补充不准确的信息，要求删除法律允许删除的信息，撤回同意，或注销会员。请联系任一门店前台，我们会在15个工作日内答复。',
        '撤回同意不影响此前已进行的处理；撤回后，会员相关功能将无法继续使用。',
      ],
    },
    {
      heading: '未成年人',
      paragraphs: ['不满十四周岁儿童的信息，由其父母或其他监护人同意后处理，并由监护人查看、导出和管理。'],
    },
    {
      heading: '联系我们',
      paragraphs: ['如有疑问或投诉，请联系任一门店前台，或发送邮件至个人信息保护负责人 privacy@yayou-dental.cn。'],
    },
  ],
}
