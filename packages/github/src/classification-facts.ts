import type { ClassificationFacts, Policy } from '@change-policy/policy'
import { emergencyCandidates, parseDependencyUpdates } from '@change-policy/policy'
import type { GitHubClient, RepoRef } from './client'
import { findLabelAdders, type LabelAddition } from './labels'
import { getPermission, type Permission } from './permissions'
import { listPullRequestCommits, listPullRequestFiles, type PullRequestCommit, type PullRequestFile, type PullRequestInfo } from './pulls'
import { TeamDirectory } from './teams'
import type { PermissionDirectory } from './permission-directory'

/** What a caller already read in a batch (gate-deploy's and the audit report's GraphQL reads): not asked for again. */
export interface KnownPullRequestFacts {
  files?: PullRequestFile[]
  commits?: PullRequestCommit[]
  /** Who last added each label the pull request carries. */
  labelAdders?: Map<string, LabelAddition>
  /** Repository permissions, read once for a whole report. */
  permissions?: PermissionDirectory
}

/**
 * Everything `classify` needs about a pull request, read with as few requests as the
 * policy allows: label history, permissions and teams only when an emergency is claimed,
 * commits only for a dependency bot's pull request.
 */
export async function gatherClassificationFacts(
  client: GitHubClient,
  repo: RepoRef,
  pr: PullRequestInfo,
  policy: Policy,
  teams: TeamDirectory = new TeamDirectory(client),
  known: KnownPullRequestFacts = {}
): Promise<ClassificationFacts & { files: PullRequestFile[] }> {
  const candidates = emergencyCandidates({ labels: pr.labels, headBranch: pr.headRef }, policy)
  const isDependencyBot = policy.classification.standard.dependencyBots.some((bot) => bot.toLowerCase() === pr.author.toLowerCase())

  const [files, adders, commits] = await Promise.all([
    known.files ?? listPullRequestFiles(client, repo, pr, { patches: policy.credentials.scan }),
    known.labelAdders ?? findLabelAdders(client, repo, pr.number, candidates.labels),
    !isDependencyBot ? [] : (known.commits ?? listPullRequestCommits(client, repo, pr.number))
  ])

  // The people whose right to declare an emergency must be checked.
  const declarers = new Set<string>()
  for (const label of candidates.labels) {
    const actor = adders.get(label)?.actor
    if (actor) declarers.add(actor)
  }
  if (candidates.headBranch) declarers.add(pr.author)

  const permissions: Record<string, Permission> = {}
  const teamMembers: Record<string, string[]> = {}
  const declaredBy = policy.classification.emergency.declaredBy
  if (declarers.size > 0) {
    if (declaredBy.length === 0) {
      await Promise.all([...declarers].map(async (login) => (permissions[login] = known.permissions ? (await known.permissions.read([login]))[login]! : await getPermission(client, repo, login))))
    } else {
      const listed = new Set(declaredBy.filter((p) => !p.startsWith('@')))
      // Teams are read only if someone is not allowed by name already.
      if ([...declarers].some((login) => !listed.has(login))) {
        await Promise.all(
          declaredBy.filter((p) => p.startsWith('@')).map(async (team) => (teamMembers[team] = await teams.members(team)))
        )
      }
    }
  }

  return {
    files,
    labels: pr.labels.map((name) => {
      const actor = adders.get(name)?.actor
      return actor ? { name, addedBy: actor } : { name }
    }),
    headBranch: pr.headRef,
    author: pr.author,
    authorIsBot: pr.authorIsBot,
    dependencyUpdates: isDependencyBot
      ? parseDependencyUpdates({ title: pr.title, body: pr.body, commitMessages: commits.map((c) => c.message) })
      : null,
    // A human pushing onto a bot's branch must not ride on the bot's pre-approval.
    ...(isDependencyBot ? { commitAuthors: commits.map((c) => c.author) } : {}),
    permissions,
    teamMembers
  }
}
