/** One thing wrong with a file GitHub reads, said so that a person can fix it. */
export interface Problem {
  /** The file (repository-relative when it is one of ours), with `:line` when known. */
  file: string
  message: string
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n')
}
