import * as core from '@actions/core'
import type { Problem } from '@change-policy/policy'
import { GitHubAccessError } from '@change-policy/github'
import { ActionError } from './action-error'
import { annotateProblems, formatProblem } from './problems-report'
import { escapeMarkdown } from './markdown'

function problemsOf(error: unknown): Problem[] {
  if (error instanceof ActionError) return error.problems
  if (error instanceof GitHubAccessError) return [error.problem]
  const message = error instanceof Error ? error.message : String(error)
  return [
    {
      message: `Unexpected failure: ${message}`,
      fix: 'This is a bug in change-policy: re-run with ACTIONS_STEP_DEBUG=true and report the log. Nothing was approved or allowed.'
    }
  ]
}

/**
 * The one place an action's failures end up. Whatever went wrong, the step fails (these
 * are security controls: nothing passes because something could not be checked), every
 * problem becomes an annotation, a log line and a summary line, and no stack trace reaches
 * the user (it goes to the debug log for us).
 */
export async function runAction(title: string, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    const problems = problemsOf(error)
    if (error instanceof Error && !(error instanceof ActionError) && !(error instanceof GitHubAccessError)) {
      core.debug(error.stack ?? error.message)
    }
    annotateProblems(problems, 'error', title)
    try {
      const lines = problems.map((p) => `- ${escapeMarkdown(formatProblem(p))}`)
      await core.summary.addRaw(`## ${title}: failed\n\n${lines.join('\n')}\n`, true).write()
    } catch (summaryError) {
      core.debug(`Could not write the job summary: ${String(summaryError)}`)
    }
    core.setFailed(problems.length === 1 ? formatProblem(problems[0]!) : `${problems.length} problems; see the annotations above.`)
  }
}

