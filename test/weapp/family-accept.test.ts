/**
 * The family invitation landing page on the compiled mini-program (dist/pages/family/accept/index),
 * where a shared invitation opens (M3). Cloud calls are answered with canned `Result`s.
 * The invitee sees the owner's display name and what the invitation is; the accept button only
 * while it is open.
 *
 * Needs `npm run build:weapp` first; the harness fails with a clear message otherwise.
 */
import type { Family, InvitationView, Persona, Result } from '../../src/api/contract'
import { renderPage, type CloudHandler, type RenderedPage } from './harness'

jest.setTimeout(30_000)

const ACCEPT = 'pages/family/accept/index'
const TOKEN = 'fam-Tok_0123456789-abc'

const ok = <T>(data: T): Result<T> => ({ ok: true, data })

const invitation = (state: InvitationView['state']): InvitationView => ({ ownerDisplayName: '李明', expiresAt: '2026-11-29T02:00:00.000Z', state })

const FAMILY: Family = {
  owner: { patientId: 'pat_lifetime', name: '李明' },
  members: [
    { patientId: 'pat_family_wife', name: '张丽', standingConsent: false },
    { patientId: 'pat_annual', name: '王芳', standingConsent: false },
  ],
  max: 3,
  pending: [],
}

const inviteeCloud = (state: InvitationView['state']): CloudHandler => (name, event) => {
  if (name === 'family' && event.action === 'invitation') return ok(invitation(state))
  if (name === 'family' && event.action === 'accept') return ok(FAMILY)
  if (name === 'identity' && event.action === 'whoami') return ok({ openid: 'o-wf', persona: { kind: 'patient', patientId: 'pat_annual', name: '王芳' } satisfies Persona })
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: { zh: '没有这个操作', en: `unexpected ${name}.${String(event.action)}` } } }
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

describe('family invitation landing page on the compiled mini-program (M3)', () => {
  test('open: the owner\'s name, the open state and the accept button; accepting shows the family', async () => {
    page = await renderPage(ACCEPT, inviteeCloud('open'), { t: TOKEN })
    const p = page
    await p.waitFor(() => p.byId('invite-owner') !== null, 'the invitation')

    expect(p.textOf('invite-owner')).toBe('李明')
    expect(p.textOf('invite-state')).toContain('邀请有效')
    expect(p.textOf('invite-state')).not.toContain('The invitation is open') // one language on screen (issue 12)
    expect(p.text()).toContain('2026-11-29')
    expect(p.byId('accept-invite')).not.toBeNull()
    expect(p.byId('error-banner')).toBeNull()
    // The token comes from the page query `t`, exactly.
    expect(p.calls).toEqual([{ name: 'family', data: { action: 'invitation', token: TOKEN } }])

    await p.tap('accept-invite')
    await p.waitFor(() => p.byId('accepted') !== null, 'the family after accepting')
    expect(p.calls[1]).toEqual({ name: 'family', data: { action: 'accept', token: TOKEN } })
    expect(p.textOf('family-owner')).toContain('李明')
    expect(p.textOf('family-members')).toContain('王芳')
  })

  test('already_bound: says so, and offers no accept button', async () => {
    page = await renderPage(ACCEPT, inviteeCloud('already_bound'), { t: TOKEN })
    const p = page
    await p.waitFor(() => p.byId('invite-state') !== null, 'the invitation state')

    expect(p.textOf('invite-owner')).toBe('李明')
    expect(p.textOf('invite-state')).toContain('您已是一个家庭的成员')
    expect(p.byId('accept-invite')).toBeNull()
    expect(p.calls).toEqual([{ name: 'family', data: { action: 'invitation', token: TOKEN } }])
  })
})
