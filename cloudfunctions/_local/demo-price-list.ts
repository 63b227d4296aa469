/**
 * The demo chain's price list (收费项目, issue 13): a small, realistic catalogue in every category,
 * so the desk picks items instead of typing them. Prices are fictional but plausible for a Shanghai
 * private clinic; the annual membership costs exactly the policy's fee (M1). One retired item shows
 * that old items stay for old bills.
 */
import { DEFAULT_POLICY, type Category } from '../../src/domain/policy'
import { nameKey } from '../../src/domain/pricelist/item'
import { pinyinInitials } from '../../src/domain/pricelist/initials'
import type { Store } from '../_core/ports/store'
import { C } from '../_core/model'
import type { PriceItemDoc } from '../_core/usecases/pricelist'

const ITEMS: Array<[id: string, name: string, category: Category, priceFen: number, active?: false]> = [
  ['pi_demo_exam', '口腔检查', 'treatment', 5_000],
  ['pi_demo_scaling', '洁牙', 'treatment', 28_000],
  ['pi_demo_filling', '补牙（树脂充填）', 'treatment', 45_000],
  ['pi_demo_extraction', '拔牙', 'treatment', 30_000],
  ['pi_demo_wisdom', '智齿拔除', 'treatment', 120_000],
  ['pi_demo_root_canal', '根管治疗', 'treatment', 180_000],
  ['pi_demo_implant', '种植牙（单颗）', 'treatment', 1_280_000],
  ['pi_demo_ortho', '正畸（隐形矫正）', 'treatment', 3_280_000],
  ['pi_demo_special_scaling', '特价洁牙', 'special_price', 9_900],
  ['pi_demo_special_whitening', '特价冷光美白', 'special_price', 99_900],
  ['pi_demo_floss', '牙线', 'oral_care_product', 1_500],
  ['pi_demo_toothbrush', '电动牙刷', 'oral_care_product', 39_900],
  ['pi_demo_annual', '年度会员', 'membership_fee', DEFAULT_POLICY.membership.annualFeeFen],
  ['pi_demo_old_package', '旧版洁牙套餐', 'treatment', 35_000, false],
]

export async function loadDemoPriceList(store: Store, at: string): Promise<void> {
  for (const [_id, name, category, priceFen, active] of ITEMS) {
    await store.set<PriceItemDoc>(C.priceItems, {
      _id, name, nameKey: nameKey(name), category, priceFen, active: active !== false, initials: pinyinInitials(name),
      version: 0, createdAt: at, createdBy: 'staff_adm', updatedAt: at, updatedBy: 'staff_adm', lastRequestId: `demo:${_id}`,
    })
  }
}
