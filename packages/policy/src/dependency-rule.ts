// The second way to be standard: a bot's pull request whose every bump is within the
// semver levels the policy pre-approves. Anything the rule cannot read is not pre-approved.
import type { ClassificationFacts, DependencyUpdate } from './classification-types'
import { sameLogin } from './principals'
import type { Policy } from './types'

export interface DependencyRuleOutcome {
  applies: boolean
  reason: string
}

/** null when neither the author nor the pull request has anything to do with dependency updates. */
export function judgeDependencyUpdates(facts: ClassificationFacts, policy: Policy): DependencyRuleOutcome | null {
  const { dependencyBots, dependencyUpdates: allowed } = policy.classification.standard
  const updates = facts.dependencyUpdates
  const bot = dependencyBots.find((login) => sameLogin(login, facts.author))
  if (bot === undefined && updates === null) return null
  const no = (why: string): DependencyRuleOutcome => ({ applies: false, reason: `Not standard as a dependency update: ${why}.` })
  if (bot === undefined) {
    return no(`the author ${facts.author} is not one of the dependency bots (${dependencyBots.length > 0 ? dependencyBots.join(', ') : 'none are set'})`)
  }
  if (updates === null || updates.length === 0) return no(`no dependency update could be read from ${bot}'s pull request`)
  const intruder = facts.commitAuthors?.find((author) => author === null || !sameLogin(author, bot))
  if (intruder !== undefined) return no(`a commit on the branch is by ${intruder ?? 'an unknown author'}, not ${bot}`)
  if (allowed.length === 0) return no('the policy pre-approves no dependency update levels (dependency-updates is empty)')
  const outside = updates.filter((update) => update.level === 'unknown' || !allowed.includes(update.level))
  if (outside.length > 0) {
    const shown = outside.slice(0, 3).map(describeOutside).join('; ')
    const more = outside.length > 3 ? `; and ${outside.length - 3} more` : ''
    return no(`${shown}${more}; the policy pre-approves ${allowed.join(', ')} updates`)
  }
  const shown = updates.slice(0, 5).map(describeUpdate).join(', ')
  const more = updates.length > 5 ? ` and ${updates.length - 5} more` : ''
  return { applies: true, reason: `Dependency update by ${bot}, every bump within ${allowed.join(', ')}: ${shown}${more}.` }
}

export function describeUpdate(update: DependencyUpdate): string {
  const versions = update.from !== '' ? `${update.from} → ${update.to}` : `→ ${update.to || '?'}`
  return `${update.name} ${versions} (${update.level})`
}

function describeOutside(update: DependencyUpdate): string {
  if (update.level === 'unknown') return `the size of the ${update.name} update (${update.from || '?'} → ${update.to || '?'}) cannot be told`
  return `${update.name} ${update.from} → ${update.to} is a ${update.level} update`
}
