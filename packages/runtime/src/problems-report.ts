import * as core from '@actions/core'
import type { Problem } from '@change-policy/policy'

/** One line for the log and the summary: the message, then what to do. */
export function formatProblem(problem: Problem): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}` : ''}: ` : ''
  return `${where}${problem.message}${problem.fix ? ` Fix: ${problem.fix}` : ''}`
}

function annotationProperties(problem: Problem, title: string): core.AnnotationProperties {
  return {
    title,
    ...(problem.file ? { file: problem.file } : {}),
    ...(problem.line ? { startLine: problem.line } : {}),
    ...(problem.column ? { startColumn: problem.column } : {})
  }
}

/** Errors as `::error` annotations (on the file and line where known), warnings likewise. */
export function annotateProblems(problems: Problem[], level: 'error' | 'warning', title: string): void {
  for (const problem of problems) {
    const text = `${problem.message}${problem.fix ? `\nFix: ${problem.fix}` : ''}`
    if (level === 'error') core.error(text, annotationProperties(problem, title))
    else core.warning(text, annotationProperties(problem, title))
  }
}
