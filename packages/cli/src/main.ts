import { GitError } from './git'
import { COMMANDS_USAGE, parseClassifyArguments, USAGE, UsageError } from './arguments'
import { runClassifyCommand } from './classify-command'
import { parseValidateMigrationsArguments, VALIDATE_MIGRATIONS_USAGE } from './validate-migrations-arguments'
import { runValidateMigrationsCommand } from './validate-migrations-command'
import { wantsColor } from './terminal-text'

const color = wantsColor(process.stdout, process.env)

async function validateMigrations(argv: string[]): Promise<number> {
  const args = parseValidateMigrationsArguments(argv)
  if (args === 'help') {
    process.stdout.write(`${VALIDATE_MIGRATIONS_USAGE}\n`)
    return 0
  }
  const result = await runValidateMigrationsCommand({ ...args, color })
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  return result.exitCode
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '-h' || command === '--help') {
    process.stdout.write(`${COMMANDS_USAGE}\n`)
    return command ? 0 : 2
  }
  if (command === 'validate-migrations') return validateMigrations(rest)
  if (command !== 'classify') {
    process.stderr.write(`change-policy: unknown command ${command}.\n\n${COMMANDS_USAGE}\n`)
    return 2
  }
  const args = parseClassifyArguments(rest)
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const result = await runClassifyCommand({ ...args, color })
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  return result.exitCode
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  if (error instanceof UsageError || error instanceof GitError) {
    process.stderr.write(`change-policy: ${error.message}\n`)
    process.exitCode = 2
  } else {
    throw error
  }
}
