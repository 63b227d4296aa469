import { defineFunction, forAnyone } from '../_core/runtime/define'
import { empty } from '../_core/runtime/schema'

export default defineFunction({
  name: 'identity',
  actions: {
    whoami: forAnyone(empty, (_deps, caller) => ({ openid: caller.openid, persona: caller.persona })),
  },
})
