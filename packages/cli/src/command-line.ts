import { parseArgs, type ParseArgsConfig } from 'node:util'

export class UsageError extends Error {}

/** The options every command takes, with their defaults. */
export const COMMON_OPTIONS = {
  repo: { type: 'string', default: '.' },
  base: { type: 'string' },
  policy: { type: 'string', default: '.github/change-policy.yml' },
  format: { type: 'string', default: 'text' },
  help: { type: 'boolean', short: 'h', default: false }
} as const

/** node:util's parseArgs, strict, with its complaints turned into usage errors (exit 2). */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: false, strict: true, options })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** How a command prints its summary: text for a terminal, the job summary's Markdown, or JSON for scripts. */
export const OUTPUT_FORMATS = ['text', 'markdown', 'json'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

export function outputFormat(value: string | undefined): OutputFormat {
  if (value !== undefined && (OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat
  throw new UsageError(`--format must be ${OUTPUT_FORMATS.join(', ')}, not ${value}.`)
}
