import { z } from 'zod'
import { defineFunction, forAnyone, forPatient } from '../_core/runtime/define'
import { empty, id, token } from '../_core/runtime/schema'
import { bindByDeskCode, bindVerified, sendPhoneCode, verifyPhone, verifyWeChatPhone } from '../_core/usecases/identity-binding'
import { profile, setDisplayName } from '../_core/usecases/public-profile'
import { whoami } from '../_core/usecases/identity'

const phone = z.string().trim().min(11).max(20)

export default defineFunction({
  name: 'identity',
  actions: {
    // Issue 14: the chain's currency and zone come with the persona, so no screen asks for them separately.
    whoami: forAnyone(empty, (deps, caller) => whoami(deps, caller)),
    sendPhoneCode: forAnyone(z.object({ phone }), (deps, c, i) => sendPhoneCode(deps, c.openid, i.phone)),
    verifyPhone: forAnyone(z.object({ phone, code: z.string().trim().regex(/^\d{6}$/, 'the code is 6 digits') }), (deps, c, i) => verifyPhone(deps, c.openid, i.phone, i.code)),
    verifyWeChatPhone: forAnyone(z.object({ wxCode: z.string().trim().min(8).max(200) }), (deps, c, i) => verifyWeChatPhone(deps, c.openid, i.wxCode)),
    bindVerified: forAnyone(z.object({ patientId: id }), (deps, c, i) => bindVerified(deps, c.openid, i.patientId)),
    bindByDeskCode: forAnyone(z.object({ token }), (deps, c, i) => bindByDeskCode(deps, c.openid, i.token)),
    profile: forPatient(empty, (deps, c) => profile(deps, c.persona.patientId)),
    setDisplayName: forPatient(z.object({ displayName: z.string().max(40) }), (deps, c, i) => setDisplayName(deps, c.persona.patientId, i.displayName)),
  },
})
