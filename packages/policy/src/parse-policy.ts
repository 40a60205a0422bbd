// The policy file, from text to a normalized `Policy`: every problem in the file reported
// with its line and column, defaults filled in for what the file leaves out, and the
// built-in controls appended. Never throws: an unreadable policy is a Problem like any
// other, and the caller fails closed on it.
import { builtInControls, defaultControls, defaultPolicy, normalizePolicyPath } from './defaults'
import { PolicyReader, describeNode } from './policy-reader'
import { POLICY_VERSIONS } from './policy-schema'
import { readApprovals } from './read-approvals'
import { readChangeRequest } from './read-change-request'
import { readClassification } from './read-classification'
import { readControls } from './read-controls'
import { readCredentials } from './read-credentials'
import { readDeploy } from './read-deploy'
import { readEmergency } from './read-emergency'
import { readMigrations } from './read-migrations'
import { LineIndex } from './source-positions'
import type { Policy, Problem } from './types'
import { parseYamlDocument, type YamlNode } from './yaml-document'

export interface ParsePolicyOptions {
  /** The policy file's path in the repository; used in problems and the `policy-file` control. */
  path: string
  /**
   * The migration lint rules that exist. When given, an unknown name under
   * `migrations.rules` is an error (a misspelt rule would otherwise stay at its default).
   */
  knownMigrationRules?: readonly string[]
}

export type ParsePolicyResult = { ok: true; policy: Policy; warnings: Problem[] } | { ok: false; problems: Problem[] }

export function parsePolicy(text: string, options: ParsePolicyOptions): ParsePolicyResult {
  const file = typeof options?.path === 'string' ? options.path : ''
  try {
    return readPolicy(text, file, options?.knownMigrationRules)
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          message: `The policy file could not be read: ${error instanceof Error ? error.message : String(error)}.`,
          fix: 'Report this as a bug in change-policy, with the policy file attached.',
          file
        }
      ]
    }
  }
}

function readPolicy(text: string, file: string, knownMigrationRules: readonly string[] | undefined): ParsePolicyResult {
  if (typeof text !== 'string') {
    return { ok: false, problems: [{ message: 'The policy file could not be read as text.', fix: 'Save the policy file as UTF-8 text.', file }] }
  }
  const lines = new LineIndex(text)
  const reader = new PolicyReader(file, lines)
  const parsed = parseYamlDocument(text)
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.problems.map((problem) => {
        const position = problem.line !== undefined ? { line: problem.line, column: problem.column ?? 1 } : lines.positionOf(problem.offset ?? 0)
        return { message: problem.message, fix: problem.fix, file, line: position.line, column: position.column }
      })
    }
  }
  const root = parsed.root
  if (root === null || (root.kind === 'scalar' && root.type === 'null')) {
    reader.error(undefined, 'The policy file is empty.', 'Add at least `version: 1`. To use the built-in defaults, delete the file instead.')
    return { ok: false, problems: reader.problems }
  }
  const keys = reader.section(root, '', '')
  if (!keys) return { ok: false, problems: reader.problems }

  readVersion(reader, keys.get('version')?.value, root)
  const defaults = defaultPolicy(file)
  const value = (key: string): YamlNode | undefined => keys.get(key)?.value
  const policy: Policy = {
    version: 1,
    classification: readClassification(reader, value('classification'), defaults.classification),
    controls: [...readControls(reader, value('controls'), defaultControls()), ...builtInControls(normalizePolicyPath(file))],
    approvals: readApprovals(reader, value('approvals'), defaults.approvals),
    deploy: readDeploy(reader, value('deploy'), defaults.deploy),
    changeRequest: readChangeRequest(reader, value('change-request'), defaults.changeRequest),
    emergency: readEmergency(reader, value('emergency'), defaults.emergency),
    migrations: readMigrations(reader, value('migrations'), defaults.migrations, knownMigrationRules),
    credentials: readCredentials(reader, value('credentials'), defaults.credentials)
  }
  if (reader.problems.length > 0) return { ok: false, problems: byPosition(reader.problems) }
  return { ok: true, policy, warnings: byPosition(reader.warnings) }
}

function readVersion(reader: PolicyReader, node: YamlNode | undefined, root: YamlNode): void {
  const supported = POLICY_VERSIONS.join(', ')
  if (!node) {
    reader.error(root, 'The policy file has no `version`.', `Add \`version: ${POLICY_VERSIONS[0]}\` at the top of the file.`)
    return
  }
  if (node.kind === 'scalar' && node.type === 'int') {
    if ((POLICY_VERSIONS as readonly unknown[]).includes(node.value)) return
    reader.error(node, `Policy version ${node.text} is not supported by this release of change-policy (it reads version ${supported}).`, `Write \`version: ${POLICY_VERSIONS[0]}\`, or use a release of change-policy that supports version ${node.text}.`)
    return
  }
  const quoted = node.kind === 'scalar' && node.type === 'str' && /^\d+$/.test(node.text.trim())
  reader.error(node, `\`version\` must be a whole number, but it is ${describeNode(node)}.`, `Write \`version: ${POLICY_VERSIONS[0]}\`${quoted ? ' without quotes' : ''}.`)
}

function byPosition(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}
