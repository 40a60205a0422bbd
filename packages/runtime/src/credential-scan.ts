// Scanning a pull request for credentials, the same way in every action that judges one
// (classify-change, require-approval): the added lines of each file's patch, or the whole
// file at the head when GitHub gave no patch. Everything read is text the API already
// holds; nothing of the pull request is checked out or run.
import { scanText, scanTexts, type TextScan } from '@change-policy/credentials'
import { readFileBytesAtRef, type FileBytesAtRef, type GitHubClient, type PullRequestFile, type RepoRef } from '@change-policy/github'
import {
  applyAllowComments,
  type ClassificationFacts,
  planCredentialScan,
  scanTextOf,
  type CredentialFinding,
  type CredentialScanFacts,
  type FileToScan,
  type Policy,
  type ScanTarget
} from '@change-policy/policy'

/** Head reads run this many at a time: each is one request to the contents API. */
const PARALLEL_READS = 4
/** The contents API sends a file's content inline up to this size, which bounds what is read. */
export const SCAN_READ_LIMIT_BYTES = 1024 * 1024

export interface PullRequestCredentialScan {
  facts: CredentialScanFacts
  /** Files read at the head because no patch was given: one request each in the actions. */
  headReads: number
}

export interface CredentialScanOptions {
  /** Called with every secret found, before anything else happens to it (`core.setSecret`). */
  mask: (secret: string) => void
}

/** Undefined when the policy turns scanning off. */
export async function scanPullRequestCredentials(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  files: readonly PullRequestFile[],
  policy: Policy,
  options: CredentialScanOptions
): Promise<PullRequestCredentialScan | undefined> {
  return scanChangedFiles(files, policy, (path) => readFileBytesAtRef(client, repo, path, headSha), headSha, options)
}

/**
 * The scan itself, whoever reads the files: `readHead` reads a file at the head (through the
 * API in the actions, from git in the local command), so both judge a change the same way.
 */
export async function scanChangedFiles(
  files: readonly FileToScan[],
  policy: Policy,
  readHead: (path: string) => Promise<FileBytesAtRef>,
  headSha: string,
  options: CredentialScanOptions
): Promise<PullRequestCredentialScan | undefined> {
  if (!policy.credentials.scan) return undefined
  const plan = planCredentialScan(files, policy.credentials)
  const facts: CredentialScanFacts = { findings: [], unscannable: [], notScanned: [...plan.notScanned], ignored: plan.ignored, scanned: 0 }
  const heads = plan.targets.filter((target) => target.from === 'head')
  const texts = new Map<string, string>()
  let next = 0
  const reader = async (): Promise<void> => {
    while (next < heads.length) {
      const target = heads[next++] as ScanTarget
      const file = await readHead(target.path)
      if (file.kind === 'text' && file.size <= SCAN_READ_LIMIT_BYTES) texts.set(target.path, file.text)
      else if (file.kind === 'binary') facts.notScanned.push({ path: target.path, reason: 'binary content' })
      else if (file.kind === 'missing') facts.unscannable.push({ path: target.path, reason: `no patch was given for it and it is not a file at the head (${headSha.slice(0, 7)})` })
      else facts.unscannable.push({ path: target.path, reason: `no patch was given for it (its diff is too large) and the file is ${file.size} bytes, over the ${SCAN_READ_LIMIT_BYTES} bytes the scan reads at the head; split the change, or list the file in \`credentials.ignore-paths\` if it holds generated data` })
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, heads.length) }, reader))

  // One scan over every text (secretlint runs in batches), then the findings per file.
  const items = plan.targets.flatMap((target) => {
    if (target.from === 'patch') {
      const { text, headLine } = scanTextOf(target.lines)
      const byLine = new Map(target.lines.map((line) => [line.line, line.text]))
      return [{ path: target.path, text, headLine, lineText: (line: number) => byLine.get(line) }]
    }
    const text = texts.get(target.path)
    if (text === undefined) return []
    const lines = text.split('\n')
    return [{ path: target.path, text, headLine: (line: number) => line, lineText: (line: number) => lines[line - 1] }]
  })
  const scans = await scanTexts(items)
  items.forEach((item, i) => {
    const scan = scans[i] as TextScan
    scan.secrets.forEach(options.mask)
    facts.scanned++
    facts.findings.push(...applyAllowComments(item.path, scan.detections.map((d) => ({ ...d, line: item.headLine(d.line) })), item.lineText))
  })
  facts.notScanned.sort((a, b) => (a.path < b.path ? -1 : 1))
  facts.unscannable.sort((a, b) => (a.path < b.path ? -1 : 1))
  return { facts, headReads: heads.length }
}

/** A whole file at the head; undefined when it was not read (binary, too large: already recorded). */
export async function scanWholeFile(path: string, text: string | undefined, options: CredentialScanOptions): Promise<CredentialFinding[] | undefined> {
  if (text === undefined) return undefined
  const scan = await scanText(text, path)
  scan.secrets.forEach(options.mask)
  const lines = text.split('\n')
  return applyAllowComments(path, scan.detections, (line) => lines[line - 1])
}

/** `facts` with what the credential scan of its files found, ready for `classify`. */
export async function withCredentialScan<T extends ClassificationFacts & { files: PullRequestFile[] }>(
  client: GitHubClient,
  repo: RepoRef,
  headSha: string,
  facts: T,
  policy: Policy,
  options: CredentialScanOptions
): Promise<T & { headReads: number }> {
  const scan = await scanPullRequestCredentials(client, repo, headSha, facts.files, policy, options)
  return scan ? { ...facts, credentials: scan.facts, headReads: scan.headReads } : { ...facts, headReads: 0 }
}

/** A finding of the migrations report (packages/migrations' `Finding`), for the credentials of one migration. */
interface MigrationCredentialFinding {
  rule: string
  severity: 'error'
  file: string
  line: number
  column: number
  message: string
  why: string
  fix: string
  destructive: false
}

/**
 * The `scanCredentials` hook of validateMigrations: the whole text of a new or edited
 * migration (SQL string literals included, which is where a service-role JWT for a
 * `pg_net` call sits), with the policy's `credentials` applied.
 */
export function migrationCredentialScanner(policy: Policy, options: CredentialScanOptions): ((path: string, text: string) => Promise<{ findings: MigrationCredentialFinding[]; waived: MigrationCredentialFinding[] }>) | undefined {
  if (!policy.credentials.scan) return undefined
  return async (path, text) => {
    if (planCredentialScan([{ path, status: 'added' }], policy.credentials).ignored.length > 0) return { findings: [], waived: [] }
    const found = (await scanWholeFile(path, text, options)) ?? []
    const asFinding = (finding: CredentialFinding): MigrationCredentialFinding => ({
      rule: 'credential',
      severity: 'error',
      file: finding.path,
      line: finding.line,
      column: finding.column,
      message: `${finding.kind} (rule ${finding.rule}, fingerprint ${finding.fingerprint}) in a new or edited migration${finding.waived ? ', waived by an allow comment' : ''}.`,
      why: 'A credential in a migration is in the repository\'s history and in every database the history is applied to.',
      fix: `Rotate this credential now: it is already in the repository's history. Then remove it and read it from a secret store (Supabase Vault: \`vault.decrypted_secrets\`). If it is not a credential, write \`change-policy: allow credential ${finding.rule}\` in a comment on the line.`,
      destructive: false
    })
    return { findings: found.filter((f) => !f.waived).map(asFinding), waived: found.filter((f) => f.waived).map(asFinding) }
  }
}
