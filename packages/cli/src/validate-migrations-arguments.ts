import { COMMON_OPTIONS, outputFormat, parseCommandLine, UsageError, type OutputFormat } from './command-line'

export const VALIDATE_MIGRATIONS_USAGE = `Usage: change-policy validate-migrations --base REF [options]

Lints the migrations in the working tree (committed or not) with the real Postgres parser,
checks their order against BASE, and applies the whole history to a throwaway PostgreSQL,
under the policy file as it is at BASE (as the validate-migration action reads it). Prints
the job summary the action would write; findings go to stderr as file:line:column lines.

Options:
  --repo DIR            the git repository (default: the current directory)
  --base REF            the branch the pull request targets, e.g. origin/main (required)
  --policy PATH         the policy file (default: .github/change-policy.yml)
  --path DIR            the migrations folder (default: the policy's migrations.path)
  --database-url URL    apply to this PostgreSQL server, in a throwaway database
                        (default: an embedded PostgreSQL, nothing to install)
  --supabase MODE       auto (default), true or false: create what a Supabase database has
  --fail-on LEVEL       error (default) or warning
  --format FORMAT       text (default: for a terminal, coloured on a TTY unless NO_COLOR),
                        markdown (the job summary as the action writes it) or json
  -h, --help            this text

Exit status: 0 valid, 1 invalid (or the check could not run), 2 bad usage or policy.`

export interface ValidateMigrationsArguments {
  repo: string
  base: string
  policy: string
  path?: string
  databaseUrl?: string
  supabase: 'auto' | 'true' | 'false'
  failOn: 'error' | 'warning'
  format: OutputFormat
  /** Colour in text output: set by the command from its terminal (wantsColor). */
  color?: boolean
}

function oneOf<T extends string>(option: string, value: string | undefined, choices: readonly T[]): T {
  if (value !== undefined && (choices as readonly string[]).includes(value)) return value as T
  throw new UsageError(`--${option} must be ${choices.join(', ')}, not ${value}.`)
}

export function parseValidateMigrationsArguments(argv: string[]): ValidateMigrationsArguments | 'help' {
  const parsed = parseCommandLine(argv, {
    ...COMMON_OPTIONS,
    path: { type: 'string' },
    'database-url': { type: 'string' },
    supabase: { type: 'string', default: 'auto' },
    'fail-on': { type: 'string', default: 'error' }
  })
  const v = parsed.values
  if (v.help) return 'help'
  if (!v.base) throw new UsageError('--base is required (the branch the migrations will be merged into, e.g. origin/main).')
  return {
    repo: v.repo!,
    base: v.base,
    policy: v.policy!,
    supabase: oneOf('supabase', v.supabase, ['auto', 'true', 'false'] as const),
    failOn: oneOf('fail-on', v['fail-on'], ['error', 'warning'] as const),
    format: outputFormat(v.format),
    ...(v.path ? { path: v.path.replace(/\/+$/, '') } : {}),
    ...(v['database-url'] ? { databaseUrl: v['database-url'] } : {})
  }
}
