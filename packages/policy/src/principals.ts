// Users and teams as the policy names them: `alice`, `dependabot[bot]`, `@acme/security`.
// GitHub compares logins and team slugs without regard to case, and so does everything here.

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/
const TEAM = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/([A-Za-z0-9][A-Za-z0-9_.-]*)$/

export function isTeam(principal: string): boolean {
  return principal.startsWith('@')
}

export interface PrincipalProblem {
  message: string
  fix: string
}

/** Why `principal` is neither a GitHub login nor an `@org/slug` team, or undefined. */
export function principalProblem(principal: string): PrincipalProblem | undefined {
  if (principal.startsWith('@')) {
    if (TEAM.test(principal)) return undefined
    if (!principal.includes('/')) {
      const login = principal.slice(1)
      return LOGIN.test(login)
        ? { message: `\`${principal}\` is not a team: a team is written \`@org/team-slug\``, fix: `For the user, write \`${login}\` without \`@\`; for a team, write \`@your-org/${login}\`.` }
        : { message: `\`${principal}\` is not a valid team name`, fix: 'Write teams as `@org/team-slug`, e.g. `@acme/security`.' }
    }
    return { message: `\`${principal}\` is not a valid team name`, fix: 'Write teams as `@org/team-slug` (the slug from the team\'s URL), e.g. `@acme/security`.' }
  }
  if (LOGIN.test(principal)) return undefined
  if (principal.includes('/')) return { message: `\`${principal}\` looks like a team without its \`@\``, fix: `Write \`@${principal}\`.` }
  return { message: `\`${principal}\` is not a valid GitHub login`, fix: 'Write a GitHub user login (letters, digits and single hyphens) or a team as `@org/team-slug`.' }
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
