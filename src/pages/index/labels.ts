/** How the member home names a member's standing (issue 12, item 3). */
import type { MemberBadge } from '../../domain/membership/badge'
import type { Msg } from '../../i18n'

/** M1, M3: the badge on the member card; a bound family member is 家庭会员. */
export const BADGE_LABEL: Record<MemberBadge, Msg> = {
  lifetime: { zh: '终身家庭会员', en: 'Lifetime family member' },
  family: { zh: '家庭会员', en: 'Family member' },
  annual: { zh: '年度会员', en: 'Annual member' },
  none: { zh: '非会员', en: 'Not a member' },
}
