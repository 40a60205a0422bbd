// Everything the simulated GitHub knows, in memory, with the builder methods tests seed it
// with. Names (logins, repositories, teams) compare case-insensitively as on GitHub.
import { KNOWN_ACCOUNTS } from './known-accounts'
import type { RepositoryRecord, TeamMembership, TeamRecord, UserRecord, UserType, Visibility } from './records'
import { RepositoryState } from './repository-state'
import { createToken, TOKEN_PROFILES, type TokenOptions, type TokenRecord } from './tokens'

export interface RepositoryOptions {
  /** `owner/name`. */
  fullName: string
  defaultBranch?: string
  visibility?: Visibility
  description?: string | null
  /** Files of the initial commit on the default branch (default: a README). */
  files?: Record<string, string>
  allowAutoMerge?: boolean
  /** Whether the owner is an organization (teams live there) or a user. Default: organization. */
  ownerType?: 'Organization' | 'User'
}

export interface TeamOptions {
  name?: string
  /** Members by login; an array means all active. */
  members?: string[] | Record<string, TeamMembership['state']>
  maintainers?: string[]
}

export interface NodeTarget {
  type: 'PullRequest' | 'Issue' | 'Repository' | 'User'
  repository?: string
  number?: number
  login?: string
}

/** GitHub writes timestamps to the second: `2026-11-24T10:00:00Z`. */
export function isoSeconds(at: Date | string | number): string {
  const date = at instanceof Date ? at : new Date(at)
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class SimulatorState {
  readonly repositories = new Map<string, RepositoryState>()
  readonly users = new Map<string, UserRecord>()
  readonly tokens = new Map<string, TokenRecord>()
  readonly teams = new Map<string, TeamRecord>()
  readonly organizations = new Map<string, { login: string; members: Set<string> }>()
  readonly nodes = new Map<string, NodeTarget>()
  private lastId = 1000
  private lastCommitMs = 0

  constructor(private readonly clock: () => Date = () => new Date()) {}

  now(): Date {
    return this.clock()
  }

  timestamp(at?: Date | string | number): string {
    return isoSeconds(at ?? this.now())
  }

  /** Commit dates strictly increase, so two commits made in one test never share a sha or an order. */
  commitTimestamp(at?: Date | string | number): string {
    if (at !== undefined) return isoSeconds(at)
    const ms = Math.max(Math.floor(this.now().getTime() / 1000) * 1000, this.lastCommitMs + 1000)
    this.lastCommitMs = ms
    return isoSeconds(ms)
  }

  nextId(): number {
    this.lastId += 1
    return this.lastId
  }

  /** A node id in GitHub's current format (`PR_kwDO…`), registered for GraphQL `node(id:)` lookups. */
  nodeId(prefix: string, id: number, target?: NodeTarget): string {
    const nodeId = `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`
    if (target !== undefined) this.nodes.set(nodeId, target)
    return nodeId
  }

  addUser(login: string, options: { type?: UserType; name?: string; email?: string } = {}): UserRecord {
    const known = KNOWN_ACCOUNTS[login]
    const type = options.type ?? known?.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User')
    const id = known?.id ?? this.nextId()
    const user: UserRecord = {
      login,
      id,
      nodeId: this.nodeId(type === 'Bot' ? 'BOT' : type === 'Organization' ? 'O' : 'U', id, { type: 'User', login }),
      type,
      name: options.name ?? null,
      email: options.email ?? null
    }
    this.users.set(login.toLowerCase(), user)
    return user
  }

  /** The account with this login, created on first mention as GitHub would have it. */
  user(login: string): UserRecord {
    return this.users.get(login.toLowerCase()) ?? this.addUser(login)
  }

  findUser(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase())
  }

  addToken(token: string, options: TokenOptions = TOKEN_PROFILES.githubToken()): TokenRecord {
    const record = createToken(token, options)
    this.tokens.set(token, record)
    this.user(record.login)
    return record
  }

  addRepository(options: RepositoryOptions | string): RepositoryState {
    const opts = typeof options === 'string' ? { fullName: options } : options
    const [owner, name, extra] = opts.fullName.split('/')
    if (owner === undefined || name === undefined || extra !== undefined || owner === '' || name === '') {
      throw new Error(`addRepository: "${opts.fullName}" is not owner/name`)
    }
    if (this.repositories.has(opts.fullName.toLowerCase())) throw new Error(`addRepository: ${opts.fullName} exists`)
    const ownerType = opts.ownerType ?? 'Organization'
    this.user(owner).type = ownerType
    if (ownerType === 'Organization') this.organization(owner)
    const id = this.nextId()
    const record: RepositoryRecord = {
      id,
      nodeId: this.nodeId('R', id, { type: 'Repository', repository: opts.fullName }),
      owner,
      name,
      fullName: `${owner}/${name}`,
      defaultBranch: opts.defaultBranch ?? 'main',
      visibility: opts.visibility ?? 'private',
      description: opts.description ?? null,
      createdAt: this.timestamp(Date.parse('2024-01-02T03:04:05Z')),
      allowAutoMerge: opts.allowAutoMerge ?? true
    }
    const repo = new RepositoryState(this, record)
    this.repositories.set(record.fullName.toLowerCase(), repo)
    repo.commit({
      branch: record.defaultBranch,
      files: opts.files ?? { 'README.md': `# ${name}\n` },
      message: 'Initial commit',
      author: owner
    })
    return repo
  }

  findRepository(fullName: string): RepositoryState | undefined {
    return this.repositories.get(fullName.toLowerCase())
  }

  repository(fullName: string): RepositoryState {
    const repo = this.findRepository(fullName)
    if (repo === undefined) throw new Error(`no repository ${fullName} in the simulator`)
    return repo
  }

  findRepositoryById(id: number): RepositoryState | undefined {
    for (const repo of this.repositories.values()) if (repo.record.id === id) return repo
    return undefined
  }

  organization(login: string): { login: string; members: Set<string> } {
    const key = login.toLowerCase()
    let org = this.organizations.get(key)
    if (org === undefined) {
      org = { login, members: new Set() }
      this.organizations.set(key, org)
      this.user(login).type = 'Organization'
    }
    return org
  }

  addOrganizationMember(org: string, login: string): void {
    this.organization(org).members.add(login.toLowerCase())
    this.user(login)
  }

  addTeam(org: string, slug: string, options: TeamOptions = {}): TeamRecord {
    this.organization(org)
    const id = this.nextId()
    const team: TeamRecord = { id, nodeId: this.nodeId('T', id), org, slug, name: options.name ?? slug, members: new Map() }
    this.teams.set(`${org}/${slug}`.toLowerCase(), team)
    const members = options.members ?? []
    const entries: [string, TeamMembership['state']][] = Array.isArray(members)
      ? members.map((login) => [login, 'active'])
      : Object.entries(members)
    for (const [login, state] of entries) this.addTeamMember(org, slug, login, { state })
    for (const login of options.maintainers ?? []) this.addTeamMember(org, slug, login, { role: 'maintainer' })
    return team
  }

  team(org: string, slug: string): TeamRecord | undefined {
    return this.teams.get(`${org}/${slug}`.toLowerCase())
  }

  addTeamMember(org: string, slug: string, login: string, membership: Partial<TeamMembership> = {}): void {
    const team = this.team(org, slug) ?? this.addTeam(org, slug)
    const state = membership.state ?? 'active'
    team.members.set(login.toLowerCase(), { state, role: membership.role ?? 'member' })
    // A pending invitation is not membership of the organization yet.
    if (state === 'active') this.addOrganizationMember(org, login)
    else this.user(login)
  }

  isOrganizationMember(org: string, login: string): boolean {
    return this.organizations.get(org.toLowerCase())?.members.has(login.toLowerCase()) ?? false
  }
}
