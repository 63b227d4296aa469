/**
 * M3, M4: a lifetime member binds up to `familyMax` family members (4 people in all). Binding
 * needs the family member's own acceptance; the owner can unbind. Pure checks; the use case runs
 * them inside one transaction over the owner's and the invitee's documents.
 */
import { DomainError } from '../errors'
import type { Policy } from '../policy'
import { effectiveTier, type MemberStanding } from './tier'

export interface FamilyPerson extends MemberStanding { _id: string }

/** The owner may invite while lifetime and not full. */
export function assertCanInvite(owner: FamilyPerson, now: Date, policy: Policy): void {
  if (effectiveTier(owner, now) !== 'lifetime') throw new DomainError('FAMILY_NOT_LIFETIME')
  if ((owner.familySize ?? 0) >= policy.membership.familyMax) throw new DomainError('FAMILY_FULL', { max: policy.membership.familyMax })
}

/** Binding checks at acceptance: not oneself, not already in a family, not an owner with a family. */
export function bind(owner: FamilyPerson, invitee: FamilyPerson, now: Date, policy: Policy): { owner: FamilyPerson; invitee: FamilyPerson } {
  if (owner._id === invitee._id) throw new DomainError('FAMILY_SELF')
  assertCanInvite(owner, now, policy)
  if (invitee.familyOwnerId || (invitee.familySize ?? 0) > 0) throw new DomainError('FAMILY_ALREADY_BOUND')
  if (owner.familyOwnerId) throw new DomainError('FAMILY_ALREADY_BOUND')
  return {
    owner: { ...owner, familySize: (owner.familySize ?? 0) + 1 },
    invitee: { ...invitee, familyOwnerId: owner._id },
  }
}

export function unbind(owner: FamilyPerson, member: FamilyPerson): { owner: FamilyPerson; member: FamilyPerson } {
  if (member.familyOwnerId !== owner._id) throw new DomainError('FAMILY_NOT_MEMBER')
  return {
    owner: { ...owner, familySize: Math.max(0, (owner.familySize ?? 0) - 1) },
    member: { ...member, familyOwnerId: undefined },
  }
}
