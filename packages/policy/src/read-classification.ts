// `classification`: what makes a change an emergency, and what makes it standard.
import type { PolicyReader } from './policy-reader'
import { SEMVER_LEVEL_WORDS } from './policy-schema'
import { isTeam } from './principals'
import type { Policy } from './types'
import type { YamlNode } from './yaml-document'

export function readClassification(reader: PolicyReader, node: YamlNode | undefined, defaults: Policy['classification']): Policy['classification'] {
  const emergency = { ...defaults.emergency }
  const standard = { ...defaults.standard }
  const keys = reader.section(node, 'classification', 'classification')
  if (keys) {
    const emergencyKeys = reader.section(keys.get('emergency')?.value, 'classification.emergency', 'classification.emergency')
    if (emergencyKeys) {
      const name = 'classification.emergency'
      emergency.labels = reader.optional(emergencyKeys, 'labels', name, (n, at) => reader.stringList(n, at)) ?? emergency.labels
      emergency.headBranches = reader.optional(emergencyKeys, 'head-branches', name, (n, at) => reader.globList(n, at)) ?? emergency.headBranches
      emergency.declaredBy = reader.optional(emergencyKeys, 'declared-by', name, (n, at) => reader.principalList(n, at)) ?? emergency.declaredBy
    }
    const standardKeys = reader.section(keys.get('standard')?.value, 'classification.standard', 'classification.standard')
    if (standardKeys) {
      const name = 'classification.standard'
      standard.paths = reader.optional(standardKeys, 'paths', name, (n, at) => reader.globList(n, at)) ?? standard.paths
      standard.dependencyUpdates = reader.optional(standardKeys, 'dependency-updates', name, (n, at) => reader.words(n, at, SEMVER_LEVEL_WORDS, 'semver level')) ?? standard.dependencyUpdates
      standard.dependencyBots = reader.optional(standardKeys, 'dependency-bots', name, (n, at) => readBots(reader, n, at)) ?? standard.dependencyBots
    }
  }
  return { emergency, standard }
}

function readBots(reader: PolicyReader, node: YamlNode, name: string): string[] | undefined {
  const bots = reader.principalList(node, name)
  if (!bots) return undefined
  // A pull request has one author, a login; a team can never be one.
  const teams = node.kind === 'sequence' ? node.items.filter((item) => item.kind === 'scalar' && isTeam(item.text)) : []
  for (const team of teams) {
    reader.error(team, `\`${name}\` lists the team \`${team.kind === 'scalar' ? team.text : ''}\`, but a pull request's author is always a single account.`, 'List the bot accounts\' logins, e.g. `dependabot[bot]`.')
  }
  return teams.length > 0 ? undefined : bots
}
