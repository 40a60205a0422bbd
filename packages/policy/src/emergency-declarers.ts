// Who may declare an emergency. An emergency skips the approval before deployment, so a
// label anyone can add, or a branch anyone can name, must not be enough on its own: the
// person behind it must be allowed by `declared-by`. An unknown person or permission
// never is (fail closed).
import type { ClassificationFacts, Permission } from './classification-types'
import { isTeam, sameLogin } from './principals'
import type { Principal } from './types'

const WRITE_OR_ABOVE: readonly Permission[] = ['write', 'maintain', 'admin']

/** `who` names the person and why they may or may not: "carol, who is not in declared-by (…)". */
export interface DeclarerVerdict {
  allowed: boolean
  who: string
}

export function mayDeclareEmergency(login: string | undefined, declaredBy: readonly Principal[], facts: Pick<ClassificationFacts, 'permissions' | 'teamMembers'>): DeclarerVerdict {
  if (login === undefined || login === '') return { allowed: false, who: 'someone unknown (GitHub did not say who)' }
  if (declaredBy.length === 0) {
    const permission = lookup(facts.permissions, login)
    if (permission === undefined) return { allowed: false, who: `${login}, whose permission on the repository is unknown` }
    if (WRITE_OR_ABOVE.includes(permission)) return { allowed: true, who: `${login}, who has ${permission} access` }
    return { allowed: false, who: `${login}, who has only ${permission} access (declaring an emergency needs write access)` }
  }
  const unreadTeams: string[] = []
  for (const principal of declaredBy) {
    if (!isTeam(principal)) {
      if (sameLogin(principal, login)) return { allowed: true, who: `${login}, who is listed in declared-by` }
      continue
    }
    const members = lookup(facts.teamMembers, principal)
    if (members === undefined) unreadTeams.push(principal)
    else if (members.some((member) => sameLogin(member, login))) return { allowed: true, who: `${login}, a member of ${principal} (declared-by)` }
  }
  const listed = declaredBy.join(', ')
  const unread = unreadTeams.length > 0 ? `; the members of ${unreadTeams.join(', ')} are unknown` : ''
  return { allowed: false, who: `${login}, who is not in declared-by (${listed}${unread})` }
}

function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  if (Object.hasOwn(record, key)) return record[key]
  const folded = key.toLowerCase()
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === folded) return value
  return undefined
}
