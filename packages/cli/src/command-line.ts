import { parseArgs, type ParseArgsConfig } from 'node:util'

export class UsageError extends Error {}

/** The options every command takes, with their defaults. */
export const COMMON_OPTIONS = {
  repo: { type: 'string', default: '.' },
  base: { type: 'string' },
  policy: { type: 'string', default: '.github/change-policy.yml' },
  format: { type: 'string', default: 'markdown' },
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
