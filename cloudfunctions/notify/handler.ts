import { z } from 'zod'
import { TEMPLATES } from '../../src/domain/notify/messages'
import { defineFunction, forAnyone, forStaff } from '../_core/runtime/define'
import { empty } from '../_core/runtime/schema'
import { consents, subscribe } from '../_core/usecases/consents'
import { inbox, outboxReport } from '../_core/usecases/messages'

const STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped', 'dead', 'interrupted'] as const

export default defineFunction({
  name: 'notify',
  actions: {
    // WeChat's subscribe dialog asks for at most 3 templates at a time; only accepted ones are sent here.
    subscribe: forAnyone(z.object({ templates: z.array(z.enum(TEMPLATES)).min(1).max(3), source: z.string().trim().min(1).max(40) }), (deps, c, i) => subscribe(deps, c.openid, i.templates, i.source)),
    consents: forAnyone(empty, (deps, c) => consents(deps, c.openid)),
    inbox: forAnyone(empty, (deps, c) => inbox(deps, c.openid)),
    outbox: forStaff(z.object({ status: z.enum(STATUSES).optional() }), (deps, _c, i) => outboxReport(deps, i.status)),
  },
})
