import { COMMON_OPTIONS, outputFormat, parseCommandLine, UsageError, type OutputFormat } from './command-line'

export { UsageError }

/** What `change-policy` alone and `change-policy --help` print. */
export const COMMANDS_USAGE = `Usage: change-policy <command> [options]

Commands:
  classify              Standard, Normal or Emergency: what the classify-change action decides
  validate-migrations   lint the migrations and apply the history: what validate-migration decides

Run change-policy <command> --help for a command's options.`

export const USAGE = `Usage: change-policy classify --base REF --head REF [options]

Classifies the changes a pull request from HEAD into BASE would make, under the policy
file as it is at BASE (as the action reads it), and prints the job summary the action
would write.

Options:
  --repo DIR            the git repository (default: the current directory)
  --base REF            the branch the pull request targets (required)
  --head REF            the branch or commit with the changes (required)
  --policy PATH         the policy file (default: .github/change-policy.yml)
  --label NAME          a label on the pull request (repeatable)
  --actor LOGIN         who added the labels (default: the author)
  --author LOGIN        the pull request's author (default: git config user.name)
  --head-branch NAME    the head branch name (default: --head)
  --format FORMAT       text (default: for a terminal, coloured on a TTY unless NO_COLOR),
                        markdown (the job summary as the action writes it) or json
  -h, --help            this text

Locally there is no GitHub to ask, so the author and the actor are taken to have write
access and to belong to no team.`

export interface ClassifyArguments {
  repo: string
  base: string
  head: string
  policy: string
  labels: string[]
  actor?: string
  author?: string
  headBranch?: string
  format: OutputFormat
  /** Colour in text output: set by the command from its terminal (wantsColor). */
  color?: boolean
}

export function parseClassifyArguments(argv: string[]): ClassifyArguments | 'help' {
  const parsed = parseCommandLine(argv, {
    ...COMMON_OPTIONS,
    head: { type: 'string' },
    label: { type: 'string', multiple: true, default: [] },
    actor: { type: 'string' },
    author: { type: 'string' },
    'head-branch': { type: 'string' }
  })
  const v = parsed.values
  if (v.help) return 'help'
  if (!v.base || !v.head) throw new UsageError('--base and --head are required.')
  return {
    repo: v.repo!,
    base: v.base,
    head: v.head,
    policy: v.policy!,
    labels: v.label ?? [],
    format: outputFormat(v.format),
    ...(v.actor ? { actor: v.actor } : {}),
    ...(v.author ? { author: v.author } : {}),
    ...(v['head-branch'] ? { headBranch: v['head-branch'] } : {})
  }
}
