import { classify, defaultPolicy, looksBinary, parsePolicy, type Classification, type PolicySource, type Problem } from '@change-policy/policy'
import { credentialFindingProblem, formatProblem, renderClassificationSummary, renderCredentialSection, scanChangedFiles } from '@change-policy/runtime'
import { RULE_NAMES } from '@change-policy/migrations/rule-names'
import type { ClassifyArguments } from './arguments'
import { git, listChangedFiles, listPatches, readBlobAtRef, readFileAtRef, resolveRef } from './git'
import { printedSummary } from './terminal-text'

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
}

async function gitUser(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['config', 'user.name'])).trim() || 'local-user'
  } catch {
    return 'local-user'
  }
}

/**
 * The classify-change job without GitHub: files from `git diff base...head`, the policy
 * from the base ref (never from the working tree, as in the action), the same summary.
 */
export async function runClassifyCommand(args: ClassifyArguments): Promise<CommandResult> {
  const baseSha = await resolveRef(args.repo, args.base).catch(() => '')
  if (!baseSha) return { exitCode: 2, stdout: '', stderr: `change-policy: --base ${args.base} is not a commit in ${args.repo}.\n` }
  const headSha = await resolveRef(args.repo, args.head).catch(() => '')
  if (!headSha) return { exitCode: 2, stdout: '', stderr: `change-policy: --head ${args.head} is not a commit in ${args.repo}.\n` }

  const text = await readFileAtRef(args.repo, baseSha, args.policy)
  let warnings: Problem[]
  let source: PolicySource
  let policy
  if (text === null) {
    policy = defaultPolicy(args.policy)
    source = { path: args.policy, ref: args.base, defaulted: true }
    warnings = [{ message: `No policy file at ${args.policy} on ${args.base}: the built-in defaults apply.` }]
  } else {
    const parsed = parsePolicy(text, { path: args.policy, knownMigrationRules: RULE_NAMES })
    if (!parsed.ok) {
      return { exitCode: 2, stdout: '', stderr: parsed.problems.map((p) => `error: ${formatProblem(p)}\n`).join('') }
    }
    policy = parsed.policy
    warnings = parsed.warnings
    const blob = (await git(args.repo, ['rev-parse', `${baseSha}:${args.policy}`])).trim()
    source = { path: args.policy, ref: args.base, sha: blob, defaulted: false }
  }

  const author = args.author ?? (await gitUser(args.repo))
  const actor = args.actor ?? author
  const files = await listChangedFiles(args.repo, baseSha, headSha)
  const credentials = await scanLocalRange(args.repo, baseSha, headSha, files, policy)
  const classification: Classification = classify(
    {
      files,
      labels: args.labels.map((name) => ({ name, addedBy: actor })),
      headBranch: args.headBranch ?? args.head,
      author,
      authorIsBot: author.endsWith('[bot]'),
      dependencyUpdates: null,
      permissions: { [author]: 'write', [actor]: 'write' },
      teamMembers: {},
      ...(credentials ? { credentials } : {})
    },
    policy
  )
  const stdout =
    args.format === 'json'
      ? `${JSON.stringify(classification, null, 2)}\n`
      : printedSummary(`${renderClassificationSummary({ classification, policy: source, warnings })}\n${renderCredentialSection(classification.credentials)}`, args.format, args.color === true)
  const verdict = classification.credentials
  const findings = (verdict?.findings ?? []).filter((f) => !f.waived).map((f) => `${verdict?.onFinding === 'fail' ? 'error' : 'warning'}: ${formatProblem(credentialFindingProblem(f, verdict?.onFinding ?? 'fail'))}\n`)
  const blocking = (verdict?.blocking ?? []).map((b) => `error: ${b}\n`)
  return { exitCode: blocking.length > 0 ? 1 : 0, stdout, stderr: [...warnings.map((w) => `warning: ${formatProblem(w)}\n`), ...findings, ...blocking].join('') }
}

/**
 * The credential scan of the action, on a local range: each file's added lines from
 * `git diff`, and the whole file at the head where git gives no patch. No secret is
 * printed, so none needs masking here.
 */
async function scanLocalRange(repo: string, baseSha: string, headSha: string, files: readonly { path: string; status: string }[], policy: Parameters<typeof classify>[1]) {
  if (!policy.credentials.scan) return undefined
  const patches = await listPatches(repo, baseSha, headSha)
  const withPatches = files.map((file) => {
    const patch = patches.get(file.path)
    return patch === undefined ? file : { ...file, patch }
  })
  const scan = await scanChangedFiles(withPatches, policy, async (path) => {
    const bytes = await readBlobAtRef(repo, headSha, path)
    if (bytes === null) return { kind: 'missing' }
    if (looksBinary(bytes)) return { kind: 'binary', size: bytes.length }
    try {
      return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), size: bytes.length }
    } catch {
      return { kind: 'binary', size: bytes.length }
    }
  }, headSha, { mask: () => undefined })
  return scan?.facts
}
