// One repository: its git history (commits with full snapshots, branches), issues and pull
// requests (one number sequence), labels, events, reviews, collaborators, checks and
// statuses. The builder methods keep these in agreement the way GitHub would: opening a
// pull request writes its head commit, merging it writes the merge commit on the base.
import { closingReferences } from './closing-references'
import { planChange, type FileChangeInput } from './file-changes'
import { commitSha, treeSha } from './git-objects'
import type {
  AppRecord,
  ChangedFileRecord,
  CheckRunConclusion,
  CheckRunRecord,
  CheckRunStatus,
  CommentRecord,
  CommitRecord,
  CommitState,
  DeploymentRecord,
  DeploymentStatusRecord,
  GitIdentity,
  IssueEventName,
  IssueEventRecord,
  IssueRecord,
  LabelRecord,
  MergeableState,
  MergeMethod,
  PullRequestRecord,
  RepositoryRecord,
  RepositoryRole,
  ReviewRecord,
  ReviewState,
  StatusRecord
} from './records'
import type { SimulatorState } from './simulator-state'
import { GITHUB_ACTIONS_APP } from './known-accounts'
import { diffTrees } from './tree-diff'
import { DeploymentLog, type DeploymentOptions, type DeploymentStatusOptions } from './deployments'

type When = Date | string | number

export interface CommitOptions {
  /** The branch to commit on; it moves to the new commit (created if absent). */
  branch?: string
  /** Where a new branch starts (default: the default branch). */
  from?: string
  /** Explicit parents; the first one's snapshot is the starting tree. */
  parents?: string[]
  /** path -> content; `null` deletes the file. */
  files?: Record<string, string | null>
  message?: string
  /** A login, or a full git identity (a commit by an email with no account has `login: null`). */
  author?: string | Partial<GitIdentity>
  committer?: string | Partial<GitIdentity>
  at?: When
}

export interface PullRequestOptions {
  number?: number
  title?: string
  body?: string | null
  author?: string
  /** Head branch; created from the base when absent. */
  head?: string
  base?: string
  draft?: boolean
  labels?: string[]
  /** Files changed at the head. Default: one modified README.md. */
  files?: FileChangeInput[]
  /** The true count when it exceeds the files listed (GitHub lists at most 3,000). */
  changedFiles?: number
  mergeableState?: MergeableState
  requestedReviewers?: string[]
  at?: When
  /** `owner/name` of a fork the head lives in. */
  headRepository?: string
}

export interface ReviewOptions {
  user: string
  state?: ReviewState
  /** Default: the current head of the pull request. */
  commitId?: string
  body?: string
  at?: When
}

export interface CheckRunOptions {
  sha: string
  name: string
  status?: CheckRunStatus
  conclusion?: CheckRunConclusion | null
  app?: AppRecord
  detailsUrl?: string | null
  externalId?: string
  output?: Partial<CheckRunRecord['output']>
  startedAt?: When
  completedAt?: When
}

export interface StatusOptions {
  sha: string
  state: CommitState
  context?: string
  description?: string | null
  targetUrl?: string | null
  creator?: string
  at?: When
}

export interface IssueOptions {
  title: string
  body?: string | null
  author?: string
  labels?: string[]
  assignees?: string[]
  state?: 'open' | 'closed'
  at?: When
}

export const DEFAULT_LABEL_COLOR = 'ededed'

export class RepositoryState {
  readonly branches = new Map<string, string>()
  readonly commits = new Map<string, CommitRecord>()
  /** Test-merge commits behind `refs/pull/N/merge`, as the pull_request event checks them out. */
  readonly pullMergeRefs = new Map<number, string>()
  readonly issues = new Map<number, IssueRecord>()
  readonly pulls = new Map<number, PullRequestRecord>()
  readonly labels = new Map<string, LabelRecord>()
  readonly events: IssueEventRecord[] = []
  readonly comments: CommentRecord[] = []
  readonly reviews: ReviewRecord[] = []
  readonly collaborators = new Map<string, RepositoryRole>()
  readonly checkRuns: CheckRunRecord[] = []
  readonly statuses: StatusRecord[] = []
  /** Deployments and their statuses (`addDeployment`, `addDeploymentStatus`). */
  readonly deploymentLog: DeploymentLog
  private lastNumber = 0

  constructor(
    readonly state: SimulatorState,
    readonly record: RepositoryRecord
  ) {
    this.deploymentLog = new DeploymentLog(state)
  }

  get fullName(): string {
    return this.record.fullName
  }

  // ---- git ------------------------------------------------------------------------------

  private identity(who: string | Partial<GitIdentity> | undefined, date: string): GitIdentity {
    if (who === undefined || typeof who === 'string') {
      const user = this.state.user(who ?? this.record.owner)
      return {
        name: user.name ?? user.login,
        email: user.email ?? `${user.id}+${user.login}@users.noreply.github.com`,
        date,
        login: user.login
      }
    }
    const login = who.login === undefined ? null : who.login
    if (login !== null) this.state.user(login)
    return {
      name: who.name ?? login ?? 'Unknown',
      email: who.email ?? (login !== null ? `${this.state.user(login).id}+${login}@users.noreply.github.com` : 'unknown@example.com'),
      date: who.date ?? date,
      login
    }
  }

  commit(options: CommitOptions = {}): CommitRecord {
    const branchHead = options.branch !== undefined ? this.branches.get(options.branch) : undefined
    let parents = options.parents
    if (parents === undefined) {
      const start = branchHead ?? this.resolveRef(options.from ?? this.record.defaultBranch)
      parents = start === undefined ? [] : [start]
    }
    const first = parents[0] === undefined ? undefined : this.getCommit(parents[0])
    const tree = new Map(first?.tree ?? [])
    for (const [path, content] of Object.entries(options.files ?? {})) {
      if (content === null) tree.delete(path)
      else tree.set(path, content)
    }
    const date = this.state.commitTimestamp(options.at)
    const author = this.identity(options.author, date)
    const committer = options.committer === undefined ? { ...author } : this.identity(options.committer, date)
    const message = options.message ?? `Update ${Object.keys(options.files ?? {}).join(', ') || 'files'}`
    const record: CommitRecord = { sha: '', treeSha: treeSha(tree), parents: [...parents], author, committer, message, tree }
    record.sha = commitSha(record)
    this.commits.set(record.sha, record)
    if (options.branch !== undefined) this.branches.set(options.branch, record.sha)
    return record
  }

  getCommit(sha: string): CommitRecord {
    const commit = this.commits.get(sha)
    if (commit === undefined) throw new Error(`${this.fullName}: no commit ${sha}`)
    return commit
  }

  /** A sha for a branch name, `refs/heads/x`, `heads/x`, `refs/pull/N/head|merge`, a full or abbreviated sha. */
  resolveRef(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref
    const branch = ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '')
    const head = this.branches.get(branch)
    if (head !== undefined) return head
    const pull = /^refs\/pull\/(\d+)\/(head|merge)$/.exec(ref)
    if (pull !== null) {
      const n = Number(pull[1])
      return pull[2] === 'head' ? this.pulls.get(n)?.head.sha : this.pullMergeRefs.get(n)
    }
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(ref))
      if (matches.length === 1) return matches[0]
    }
    return undefined
  }

  branch(name: string): string | undefined {
    return this.branches.get(name)
  }

  createBranch(name: string, from: string = this.record.defaultBranch): string {
    const sha = this.resolveRef(from)
    if (sha === undefined) throw new Error(`${this.fullName}: cannot branch ${name} from unknown ${from}`)
    this.branches.set(name, sha)
    return sha
  }

  /** The file at `path` in `ref`, or undefined. */
  fileAt(ref: string, path: string): string | undefined {
    const sha = this.resolveRef(ref)
    return sha === undefined ? undefined : this.getCommit(sha).tree.get(path)
  }

  /** Every commit reachable from `sha`, the commit itself included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>()
    const stack = [sha]
    while (stack.length > 0) {
      const next = stack.pop() as string
      if (seen.has(next)) continue
      seen.add(next)
      stack.push(...(this.commits.get(next)?.parents ?? []))
    }
    return seen
  }

  /** Commits reachable from `head` and not from `base`, oldest first (as a PR or comparison lists them). */
  commitsBetween(base: string, head: string): string[] {
    const excluded = this.ancestors(base)
    return [...this.ancestors(head)]
      .filter((sha) => !excluded.has(sha))
      .sort((a, b) => Date.parse(this.getCommit(a).committer.date) - Date.parse(this.getCommit(b).committer.date))
  }

  /** The newest common ancestor of two commits. */
  mergeBase(a: string, b: string): string | undefined {
    const ofA = this.ancestors(a)
    const common = [...this.ancestors(b)].filter((sha) => ofA.has(sha))
    common.sort((x, y) => Date.parse(this.getCommit(y).committer.date) - Date.parse(this.getCommit(x).committer.date))
    return common[0]
  }

  /** The files a commit changed against its first parent. */
  commitFiles(sha: string): ChangedFileRecord[] {
    const commit = this.getCommit(sha)
    const parent = commit.parents[0] === undefined ? new Map<string, string>() : this.getCommit(commit.parents[0]).tree
    return diffTrees(parent, commit.tree)
  }

  // ---- collaborators and labels ----------------------------------------------------------

  setCollaborator(login: string, role: RepositoryRole): void {
    this.state.user(login)
    this.collaborators.set(login.toLowerCase(), role)
  }

  /** The role of a user: owner and org owners aside, collaborators only (no inheritance modelled). */
  roleOf(login: string): RepositoryRole | undefined {
    if (login.toLowerCase() === this.record.owner.toLowerCase()) return 'admin'
    return this.collaborators.get(login.toLowerCase())
  }

  addLabel(name: string, options: { color?: string; description?: string | null; default?: boolean } = {}): LabelRecord {
    const existing = this.labels.get(name.toLowerCase())
    if (existing !== undefined) return existing
    const id = this.state.nextId()
    const label: LabelRecord = {
      id,
      nodeId: this.state.nodeId('LA', id),
      name,
      color: options.color ?? DEFAULT_LABEL_COLOR,
      description: options.description ?? null,
      default: options.default ?? false
    }
    this.labels.set(name.toLowerCase(), label)
    return label
  }

  findLabel(name: string): LabelRecord | undefined {
    return this.labels.get(name.toLowerCase())
  }

  // ---- issues ----------------------------------------------------------------------------

  private nextNumber(requested?: number): number {
    const n = requested ?? this.lastNumber + 1
    if (this.issues.has(n)) throw new Error(`${this.fullName}: #${n} exists`)
    this.lastNumber = Math.max(this.lastNumber, n)
    return n
  }

  issue(number: number): IssueRecord {
    const issue = this.issues.get(number)
    if (issue === undefined) throw new Error(`${this.fullName}: no issue or pull request #${number}`)
    return issue
  }

  addIssue(options: IssueOptions): IssueRecord {
    return this.createIssue(options)
  }

  private createIssue(options: IssueOptions & { number?: number }): IssueRecord {
    const number = this.nextNumber(options.number)
    const id = this.state.nextId()
    const at = this.state.timestamp(options.at)
    const issue: IssueRecord = {
      number,
      id,
      nodeId: this.state.nodeId('I', id, { type: 'Issue', repository: this.fullName, number }),
      title: options.title,
      body: options.body ?? null,
      user: this.state.user(options.author ?? this.record.owner).login,
      state: options.state ?? 'open',
      stateReason: options.state === 'closed' ? 'completed' : null,
      labels: [],
      assignees: (options.assignees ?? []).map((login) => this.state.user(login).login),
      locked: false,
      createdAt: at,
      updatedAt: at,
      closedAt: options.state === 'closed' ? at : null,
      closedBy: null
    }
    this.issues.set(number, issue)
    for (const label of options.labels ?? []) this.labelIssue(number, label, { actor: issue.user, at })
    return issue
  }

  addEvent(issueNumber: number, event: IssueEventName, options: { actor: string; at?: When; label?: string; commitId?: string | null }): IssueEventRecord {
    const id = this.state.nextId()
    const record: IssueEventRecord = {
      id,
      nodeId: this.state.nodeId(event === 'labeled' ? 'LE' : event === 'unlabeled' ? 'UNLE' : 'IE', id),
      issueNumber,
      event,
      actor: this.state.user(options.actor).login,
      createdAt: this.state.timestamp(options.at),
      commitId: options.commitId ?? null
    }
    if (options.label !== undefined) {
      const label = this.findLabel(options.label) ?? this.addLabel(options.label)
      record.label = { name: label.name, color: label.color }
    }
    this.events.push(record)
    return record
  }

  /** Adds a label (creating the repository label if needed, as GitHub does) and its `labeled` event. */
  labelIssue(number: number, name: string, options: { actor?: string; at?: When } = {}): void {
    const issue = this.issue(number)
    const label = this.findLabel(name) ?? this.addLabel(name)
    if (issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) return
    issue.labels.push(label.name)
    issue.updatedAt = this.state.timestamp(options.at)
    this.addEvent(number, 'labeled', { actor: options.actor ?? issue.user, at: options.at, label: label.name })
  }

  /** Removes a label and records the `unlabeled` event; false when the issue did not carry it. */
  unlabelIssue(number: number, name: string, options: { actor?: string; at?: When } = {}): boolean {
    const issue = this.issue(number)
    const index = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase())
    if (index === -1) return false
    const [removed] = issue.labels.splice(index, 1)
    issue.updatedAt = this.state.timestamp(options.at)
    this.addEvent(number, 'unlabeled', { actor: options.actor ?? issue.user, at: options.at, label: removed })
    return true
  }

  addComment(number: number, options: { user: string; body: string; at?: When }): CommentRecord {
    this.issue(number)
    const id = this.state.nextId()
    const at = this.state.timestamp(options.at)
    const comment: CommentRecord = {
      id,
      nodeId: this.state.nodeId('IC', id),
      issueNumber: number,
      user: this.state.user(options.user).login,
      body: options.body,
      createdAt: at,
      updatedAt: at
    }
    this.comments.push(comment)
    return comment
  }

  closeIssue(number: number, options: { actor?: string; at?: When; reason?: 'completed' | 'not_planned' } = {}): void {
    const issue = this.issue(number)
    if (issue.state === 'closed') return
    const at = this.state.timestamp(options.at)
    issue.state = 'closed'
    issue.stateReason = options.reason ?? 'completed'
    issue.closedAt = at
    issue.updatedAt = at
    issue.closedBy = options.actor ?? null
    this.addEvent(number, 'closed', { actor: options.actor ?? issue.user, at })
  }

  // ---- pull requests ---------------------------------------------------------------------

  pull(number: number): PullRequestRecord {
    const pull = this.pulls.get(number)
    if (pull === undefined) throw new Error(`${this.fullName}: no pull request #${number}`)
    return pull
  }

  /** Applies planned file changes on top of a snapshot. */
  private applyChanges(tree: ReadonlyMap<string, string>, files: ChangedFileRecord[], contents: Map<string, string | undefined>): Record<string, string | null> {
    const changes: Record<string, string | null> = {}
    for (const file of files) {
      if (file.previousFilename !== undefined && tree.has(file.previousFilename)) changes[file.previousFilename] = null
      const content = contents.get(file.filename)
      changes[file.filename] = content === undefined ? null : content
    }
    return changes
  }

  openPullRequest(options: PullRequestOptions = {}): PullRequestRecord {
    const author = this.state.user(options.author ?? this.record.owner).login
    const base = options.base ?? this.record.defaultBranch
    if (this.branches.get(base) === undefined) throw new Error(`${this.fullName}: no base branch ${base}`)
    const number = this.nextNumber(options.number)
    const head = options.head ?? `change/${number}`
    const at = options.at

    let files: ChangedFileRecord[]
    if (options.files !== undefined || !this.branches.has(head)) {
      const inputs = options.files ?? ['README.md']
      let baseTree = this.getCommit(this.branches.get(base) as string).tree
      let plans = inputs.map((input) => planChange(input, baseTree))
      // A file the PR modifies, renames or removes must exist on the base first.
      const seeds = plans.filter((p) => p.requiresAtBase !== undefined)
      if (seeds.length > 0) {
        const seedFiles: Record<string, string> = {}
        for (const p of seeds) if (p.requiresAtBase !== undefined) seedFiles[p.requiresAtBase.path] = p.requiresAtBase.content
        this.commit({ branch: base, files: seedFiles, message: 'Add files the pull request changes', author: this.record.owner })
        baseTree = this.getCommit(this.branches.get(base) as string).tree
        plans = inputs.map((input) => planChange(input, baseTree))
      }
      files = plans.map((p) => p.record)
      const contents = new Map(plans.map((p) => [p.record.filename, p.content] as const))
      if (!this.branches.has(head)) this.createBranch(head, base)
      const headTree = this.getCommit(this.branches.get(head) as string).tree
      this.commit({
        branch: head,
        files: this.applyChanges(headTree, files, contents),
        message: options.title ?? `Change ${number}`,
        author,
        at
      })
    } else {
      const baseSha = this.branches.get(base) as string
      const headSha = this.branches.get(head) as string
      const from = this.mergeBase(baseSha, headSha) ?? baseSha
      files = diffTrees(this.getCommit(from).tree, this.getCommit(headSha).tree)
    }

    const baseSha = this.branches.get(base) as string
    const headSha = this.branches.get(head) as string
    const issue = this.createIssue({ number, title: options.title ?? `Change ${number}`, body: options.body ?? null, author, at })
    const id = this.state.nextId()
    const pull: PullRequestRecord = {
      number,
      id,
      nodeId: this.state.nodeId('PR', id, { type: 'PullRequest', repository: this.fullName, number }),
      issue,
      draft: options.draft ?? false,
      head: { ref: head, sha: headSha, repo: options.headRepository ?? this.fullName },
      base: { ref: base, sha: baseSha },
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      mergeableState: options.mergeableState ?? (options.draft === true ? 'draft' : 'blocked'),
      files,
      changedFiles: options.changedFiles ?? files.length,
      commits: this.commitsBetween(baseSha, headSha),
      autoMerge: null,
      requestedReviewers: (options.requestedReviewers ?? []).map((login) => this.state.user(login).login),
      linkedIssues: [],
      maintainerCanModify: false
    }
    issue.pull = pull
    this.pulls.set(number, pull)
    for (const label of options.labels ?? []) this.labelIssue(number, label, { actor: author, at })
    this.refreshMergeRef(pull)
    return pull
  }

  /**
   * The changes that bring `head`'s work onto `base`: for each file the head changed since
   * their merge base, its content at the head (null: deleted). Conflicts resolve to the head.
   */
  mergedChanges(base: string, head: string): Record<string, string | null> {
    const from = this.getCommit(this.mergeBase(base, head) ?? base).tree
    const headTree = this.getCommit(head).tree
    const baseTree = this.getCommit(base).tree
    const changes: Record<string, string | null> = {}
    for (const file of diffTrees(from, headTree)) {
      if (file.previousFilename !== undefined && baseTree.has(file.previousFilename)) changes[file.previousFilename] = null
      changes[file.filename] = headTree.get(file.filename) ?? null
    }
    return changes
  }

  /** `refs/pull/N/merge`: the base tip merged with the head, what `pull_request` workflows run on. */
  refreshMergeRef(pull: PullRequestRecord): string {
    const baseTip = this.branches.get(pull.base.ref) ?? pull.base.sha
    const merge = this.commit({
      parents: [baseTip, pull.head.sha],
      files: this.mergedChanges(baseTip, pull.head.sha),
      message: `Merge ${pull.head.sha} into ${baseTip}`,
      author: { name: 'GitHub', email: 'noreply@github.com', login: 'web-flow' }
    })
    this.pullMergeRefs.set(pull.number, merge.sha)
    return merge.sha
  }

  /** A new commit on the head branch (a `synchronize`); the PR's files are recomputed for the paths it touches. */
  pushToPullRequest(number: number, options: { files?: FileChangeInput[]; message?: string; author?: string; at?: When } = {}): CommitRecord {
    const pull = this.pull(number)
    const headTree = this.getCommit(pull.head.sha).tree
    const baseTree = this.getCommit(this.mergeBase(pull.base.sha, pull.head.sha) ?? pull.base.sha).tree
    const plans = (options.files ?? [`pushed-${pull.commits.length + 1}.txt`]).map((input) => planChange(input, headTree))
    const contents = new Map(plans.map((p) => [p.record.filename, p.content] as const))
    const commit = this.commit({
      branch: pull.head.ref,
      parents: [pull.head.sha],
      files: this.applyChanges(headTree, plans.map((p) => p.record), contents),
      message: options.message ?? `Update #${number}`,
      author: options.author ?? pull.issue.user,
      at: options.at
    })
    const touched = new Set(plans.flatMap((p) => [p.record.filename, p.record.previousFilename ?? p.record.filename]))
    const recomputed = diffTrees(baseTree, commit.tree).filter((f) => touched.has(f.filename))
    const kept = pull.files.filter((f) => !touched.has(f.filename))
    pull.files = [...kept, ...recomputed].sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
    pull.changedFiles = pull.files.length
    this.advanceHead(pull, commit.sha, options.at)
    return commit
  }

  /**
   * Merges the base branch into the head ("Update branch"): a merge commit whose changes come
   * from the base. `extraFiles` are written into the same merge commit, as a hand-resolved
   * conflict (or a merge that slips in a change of its own) would be.
   */
  mergeBaseIntoPullRequest(number: number, options: { author?: string; committer?: string; at?: When; extraFiles?: Record<string, string | null> } = {}): CommitRecord {
    const pull = this.pull(number)
    const baseTip = this.branches.get(pull.base.ref) as string
    const headTree = this.getCommit(pull.head.sha).tree
    const baseChanges = diffTrees(this.getCommit(pull.base.sha).tree, this.getCommit(baseTip).tree)
    const files: Record<string, string | null> = {}
    const baseTree = this.getCommit(baseTip).tree
    for (const file of baseChanges) {
      if (file.previousFilename !== undefined && headTree.has(file.previousFilename)) files[file.previousFilename] = null
      files[file.filename] = baseTree.get(file.filename) ?? null
    }
    Object.assign(files, options.extraFiles ?? {})
    const commit = this.commit({
      branch: pull.head.ref,
      parents: [pull.head.sha, baseTip],
      files,
      message: `Merge branch '${pull.base.ref}' into ${pull.head.ref}`,
      author: options.author ?? pull.issue.user,
      ...(options.committer === undefined ? {} : { committer: options.committer }),
      at: options.at
    })
    pull.base.sha = baseTip
    this.advanceHead(pull, commit.sha, options.at)
    return commit
  }

  private advanceHead(pull: PullRequestRecord, sha: string, at?: When): void {
    pull.head.sha = sha
    pull.commits = this.commitsBetween(pull.base.sha, sha)
    pull.issue.updatedAt = this.state.timestamp(at)
    this.refreshMergeRef(pull)
  }

  /** Merges the pull request into its base as GitHub's merge button does; returns the commit on the base. */
  mergePullRequest(number: number, options: { by?: string; method?: MergeMethod; at?: When; viaMergeQueue?: boolean } = {}): CommitRecord {
    const pull = this.pull(number)
    if (pull.merged || pull.issue.state === 'closed') throw new Error(`${this.fullName}: #${number} is not open`)
    const method = options.method ?? 'merge'
    const by = this.state.user(options.by ?? this.record.owner).login
    const webFlow = { name: 'GitHub', email: 'noreply@github.com', login: 'web-flow' }
    const baseTip = this.branches.get(pull.base.ref) as string
    const applyOnto = (onto: string, before: string, after: string): Record<string, string | null> => {
      const changes: Record<string, string | null> = {}
      const afterTree = this.getCommit(after).tree
      const ontoTree = this.getCommit(onto).tree
      for (const file of diffTrees(this.getCommit(before).tree, afterTree)) {
        if (file.previousFilename !== undefined && ontoTree.has(file.previousFilename)) changes[file.previousFilename] = null
        changes[file.filename] = afterTree.get(file.filename) ?? null
      }
      return changes
    }
    let result: CommitRecord
    const landed: string[] = []
    if (options.viaMergeQueue === true) {
      // The queue builds its commit on a temporary branch (the `merge_group` event's head_sha)
      // and fast-forwards the base to it: the commit on the base is not the pull request's head.
      const prefix = `gh-readonly-queue/${pull.base.ref}/pr-${number}-`
      const queued = [...this.branches].find(([name]) => name.startsWith(prefix))?.[1]
      result = queued !== undefined && this.ancestors(queued).has(baseTip)
        ? this.getCommit(queued)
        : this.commit({
            parents: [baseTip, pull.head.sha],
            files: this.mergedChanges(baseTip, pull.head.sha),
            message: `Merge pull request #${number} from ${pull.head.repo.split('/')[0]}/${pull.head.ref}\n\n${pull.issue.title}`,
            author: pull.issue.user,
            committer: webFlow,
            at: options.at
          })
      for (const [name] of [...this.branches]) if (name.startsWith(prefix)) this.branches.delete(name)
    } else if (method === 'rebase') {
      let tip = baseTip
      result = this.getCommit(baseTip)
      for (const sha of pull.commits) {
        const original = this.getCommit(sha)
        if (original.parents.length > 1) continue
        result = this.commit({
          parents: [tip],
          files: applyOnto(tip, original.parents[0] as string, sha),
          message: original.message,
          author: { ...original.author },
          committer: webFlow,
          at: options.at
        })
        tip = result.sha
        landed.push(result.sha)
      }
    } else {
      result = this.commit({
        parents: method === 'merge' ? [baseTip, pull.head.sha] : [baseTip],
        files: this.mergedChanges(baseTip, pull.head.sha),
        message:
          method === 'merge'
            ? `Merge pull request #${number} from ${pull.head.repo.split('/')[0]}/${pull.head.ref}\n\n${pull.issue.title}`
            : `${pull.issue.title} (#${number})${pull.issue.body ? `\n\n${pull.issue.body}` : ''}`,
        author: method === 'merge' ? by : pull.issue.user,
        committer: webFlow,
        at: options.at
      })
    }
    this.branches.set(pull.base.ref, result.sha)
    const at = this.state.timestamp(options.at)
    pull.merged = true
    pull.mergedAt = at
    pull.mergedBy = by
    pull.mergeCommitSha = result.sha
    pull.landedCommits = landed.length > 0 ? landed : [result.sha]
    pull.mergeableState = 'unknown'
    pull.autoMerge = null
    this.addEvent(number, 'merged', { actor: by, at: options.at, commitId: result.sha })
    this.closeIssue(number, { actor: by, at: options.at })
    if (pull.base.ref === this.record.defaultBranch) {
      for (const issueNumber of this.closingIssues(pull)) {
        if (this.issues.get(issueNumber)?.pull === undefined) this.closeIssue(issueNumber, { actor: by, at: options.at })
      }
    }
    return result
  }

  /** Issues the pull request will close: linked in the sidebar, or named with a closing keyword when it targets the default branch. */
  closingIssues(pull: PullRequestRecord, serverUrl = 'https://github.com'): number[] {
    const fromBody = pull.base.ref === this.record.defaultBranch ? closingReferences(pull.issue.body, this.fullName, serverUrl) : []
    return [...new Set([...pull.linkedIssues, ...fromBody])].filter((n) => {
      const issue = this.issues.get(n)
      return issue !== undefined && issue.pull === undefined
    })
  }

  /**
   * What GitHub associates with a commit (REST `commits/{sha}/pulls`, GraphQL
   * `associatedPullRequests`): on the default branch, the merged pull requests that brought it
   * (its merge, squash or queue commit, each rebased commit, its own commits); elsewhere, the
   * open pull requests containing it. Newest first.
   */
  pullsAssociatedWith(sha: string): PullRequestRecord[] {
    const defaultHead = this.branch(this.record.defaultBranch)
    const onDefault = defaultHead !== undefined && this.ancestors(defaultHead).has(sha)
    return [...this.pulls.values()]
      .filter((p) => p.commits.includes(sha) || p.head.sha === sha || p.mergeCommitSha === sha || (p.landedCommits ?? []).includes(sha))
      .filter((p) => (onDefault ? p.merged : p.issue.state === 'open'))
      .sort((a, b) => b.number - a.number)
  }

  /** Links an issue in the Development sidebar. */
  linkIssue(pullNumber: number, issueNumber: number): void {
    const pull = this.pull(pullNumber)
    this.issue(issueNumber)
    if (!pull.linkedIssues.includes(issueNumber)) pull.linkedIssues.push(issueNumber)
  }

  addReview(number: number, options: ReviewOptions): ReviewRecord {
    const pull = this.pull(number)
    const id = this.state.nextId()
    const review: ReviewRecord = {
      id,
      nodeId: this.state.nodeId('PRR', id),
      pullNumber: number,
      user: this.state.user(options.user).login,
      state: options.state ?? 'APPROVED',
      body: options.body ?? '',
      commitId: options.commitId ?? pull.head.sha,
      submittedAt: this.state.timestamp(options.at)
    }
    this.reviews.push(review)
    // Submitting a review answers the request for it.
    pull.requestedReviewers = pull.requestedReviewers.filter((login) => login.toLowerCase() !== review.user.toLowerCase())
    return review
  }

  dismissReview(number: number, reviewId: number): ReviewRecord {
    const review = this.reviews.find((r) => r.pullNumber === number && r.id === reviewId)
    if (review === undefined) throw new Error(`${this.fullName}: #${number} has no review ${reviewId}`)
    review.state = 'DISMISSED'
    return review
  }

  // ---- checks and statuses ---------------------------------------------------------------

  addCheckRun(options: CheckRunOptions): CheckRunRecord {
    const sha = this.resolveRef(options.sha)
    if (sha === undefined) throw new Error(`${this.fullName}: no commit ${options.sha} for check run ${options.name}`)
    const id = this.state.nextId()
    const conclusion = options.conclusion ?? (options.status === undefined || options.status === 'completed' ? 'success' : null)
    const status: CheckRunStatus = conclusion !== null ? 'completed' : (options.status ?? 'queued')
    const startedAt = this.state.timestamp(options.startedAt)
    const run: CheckRunRecord = {
      id,
      nodeId: this.state.nodeId('CR', id),
      headSha: sha,
      name: options.name,
      status,
      conclusion,
      startedAt,
      completedAt: status === 'completed' ? this.state.timestamp(options.completedAt ?? options.startedAt) : null,
      externalId: options.externalId ?? '',
      detailsUrl: options.detailsUrl ?? null,
      output: { title: options.output?.title ?? null, summary: options.output?.summary ?? null, text: options.output?.text ?? null },
      app: options.app ?? GITHUB_ACTIONS_APP,
      checkSuiteId: this.state.nextId()
    }
    this.checkRuns.push(run)
    return run
  }

  addStatus(options: StatusOptions): StatusRecord {
    const sha = this.resolveRef(options.sha)
    if (sha === undefined) throw new Error(`${this.fullName}: no commit ${options.sha} for status ${options.context ?? 'default'}`)
    const id = this.state.nextId()
    const at = this.state.timestamp(options.at)
    const status: StatusRecord = {
      id,
      nodeId: this.state.nodeId('SC', id),
      sha,
      state: options.state,
      context: options.context ?? 'default',
      description: options.description ?? null,
      targetUrl: options.targetUrl ?? null,
      creator: this.state.user(options.creator ?? 'github-actions[bot]').login,
      createdAt: at,
      updatedAt: at
    }
    this.statuses.push(status)
    return status
  }

  // ---- deployments -----------------------------------------------------------------------

  /** A deployment of `sha` (a ref is resolved), as a deploy tool or an earlier gate recorded it. */
  addDeployment(options: DeploymentOptions): DeploymentRecord {
    const sha = this.resolveRef(options.sha)
    if (sha === undefined) throw new Error(`${this.fullName}: no commit ${options.sha} to deploy`)
    return this.deploymentLog.add({ ...options, sha, ref: options.ref ?? options.sha })
  }

  addDeploymentStatus(deployment: DeploymentRecord, options: DeploymentStatusOptions): DeploymentStatusRecord {
    return this.deploymentLog.addStatus(deployment, options)
  }
}
