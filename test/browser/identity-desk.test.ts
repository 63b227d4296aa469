/**
 * Issue 10 at the desk, in Chromium (split from identity.test.ts):
 *  (d) R5: bonus is spent only with the payer's scanned member code, or with a staff reason;
 *  (e) R1, C2: the name friends see is the one the member chose.
 */
import type { MemberCode, PublicProfile } from '../../src/api/contract'
import { byId, PERSONA, shot, startHarness, tap, textOf, typeInto, waitForId, waitForText, type Harness } from './harness'
import { acceptModal } from './gestures'
import { addItem, scan, stockPriceList } from './desk'
import { data, watch } from './probes'

jest.setTimeout(180_000)

const RECEPTION = 'staff/reception/index'

let h: Harness
// Issue 13: the desk bills from the price list; the items this file picks are in it before the desk opens.
beforeAll(async () => { h = await startHarness(); await stockPriceList(h, [['洁牙 cleaning', 'treatment', '300']]) }, 120_000)
afterAll(async () => { await h?.close() }, 60_000)

describe('(d) bonus is spent only with the payer present (R5)', () => {
  test('found by record number: the desk must give a reason; with it the bonus is used and the reason recorded', async () => {
    const desk = await h.openAs(PERSONA.receptionist, RECEPTION)
    await typeInto(desk, 'lookup-input', '100008')
    await tap(desk, 'lookup-submit')
    await waitForText(desk, 'lookup-result-0', '孙悦')
    await tap(desk, 'lookup-select-0')
    await waitForText(desk, 'scanned-name', '孙悦')
    await addItem(desk, '洁牙 cleaning', 'treatment', '300')
    await typeInto(desk, 'bonus-use', '100')
    await waitForId(desk, 'override-box')
    const previews = watch(desk, 'previewBill')
    await tap(desk, 'preview-btn')
    await waitForText(desk, 'error-banner', '原因')
    expect(previews).toHaveLength(0) // refused on the page, before anything was asked

    await typeInto(desk, 'override-reason', '患者忘带手机，已核对身份证')
    await tap(desk, 'preview-btn')
    await waitForText(desk, 'total-due', '¥200.00')
    expect(previews[0]).toMatchObject({ storedValueOverride: '患者忘带手机，已核对身份证', useBonusFen: 10_000 })
    expect(previews[0].payerTicket).toBeUndefined()
    await shot(desk, '48-identity-override-reason')
    await tap(desk, 'confirm-btn')
    await acceptModal(desk) // issue 12: money and access are asked first
    await waitForText(desk, 'receipt-paid', '¥200.00')
    const bills = await h.cloud.store.query<{ _id: string; storedValueOverride?: { reason: string } }>('bills', { where: { patientId: 'pat_bonus' }, limit: 10 })
    expect(bills.map((b) => b.storedValueOverride?.reason)).toContain('患者忘带手机，已核对身份证')
  })

  test('her own member code scanned: no reason asked, the payer ticket rides on the preview and the confirmation', async () => {
    const code = data(await h.api<MemberCode>('member', { action: 'code' }, 'demo-patient-bonus'))
    const desk = await h.openAs(PERSONA.receptionist, RECEPTION)
    await scan(desk, code.token)
    await waitForText(desk, 'scanned-name', '孙悦')
    await addItem(desk, '洁牙 cleaning', 'treatment', '300')
    await typeInto(desk, 'bonus-use', '50')
    expect(await byId(desk, 'override-box').count()).toBe(0)
    const previews = watch(desk, 'previewBill')
    const confirms = watch(desk, 'confirmBill')
    await tap(desk, 'preview-btn')
    await waitForText(desk, 'total-due', '¥250.00')
    await tap(desk, 'confirm-btn')
    await acceptModal(desk) // issue 12: money and access are asked first
    await waitForText(desk, 'receipt-paid', '¥250.00')
    for (const sent of [previews[0], confirms[0]]) {
      expect(typeof sent.payerTicket).toBe('string')
      expect(sent.storedValueOverride).toBeUndefined()
    }
  })
})

describe('(e) the name friends see, chosen by the member (R1, C2)', () => {
  test('赵磊 sees his display name and personal code, and changes the name', async () => {
    const before = data(await h.api<PublicProfile>('identity', { action: 'profile' }, PERSONA.plain))
    const page = await h.openAs(PERSONA.plain, 'pages/referral/card/index')
    await waitForText(page, 'display-name', before.displayName)
    expect(await textOf(page, 'profile-referral-code')).toBe(before.referralCode)
    expect(await textOf(page, 'referral-code')).toBe(before.referralCode)
    await tap(page, 'display-name-edit')
    await typeInto(page, 'display-name-input', '老赵')
    await tap(page, 'display-name-save')
    await waitForText(page, 'display-name', '老赵')
    expect(await byId(page, 'display-name-form').count()).toBe(0)
    expect(data(await h.api<PublicProfile>('identity', { action: 'profile' }, PERSONA.plain)).displayName).toBe('老赵')
    await shot(page, '49-identity-display-name')
  })
})
