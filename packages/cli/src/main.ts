import { GitError } from './git'
import { parseClassifyArguments, USAGE, UsageError } from './arguments'
import { runClassifyCommand } from './classify-command'

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '-h' || command === '--help') {
    process.stdout.write(`${USAGE}\n`)
    return command ? 0 : 2
  }
  if (command !== 'classify') {
    process.stderr.write(`change-policy: unknown command ${command}.\n\n${USAGE}\n`)
    return 2
  }
  const args = parseClassifyArguments(rest)
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const result = await runClassifyCommand(args)
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
