export { parseClassifyArguments, USAGE, UsageError, type ClassifyArguments } from './arguments'
export { runClassifyCommand, type CommandResult } from './classify-command'
export { listChangedFiles, GitError } from './git'
