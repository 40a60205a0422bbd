import * as core from '@actions/core'
import { ActionError } from './action-error'

export function stringInput(name: string, fallback = ''): string {
  const value = core.getInput(name).trim()
  return value === '' ? fallback : value
}

/** Only the YAML 1.2 booleans: a typo such as `ture` must not silently mean false. */
export function booleanInput(name: string, fallback: boolean): boolean {
  const value = stringInput(name)
  if (value === '') return fallback
  if (/^(true|True|TRUE)$/.test(value)) return true
  if (/^(false|False|FALSE)$/.test(value)) return false
  throw new ActionError({ message: `Input \`${name}\` is "${value}", which is not a boolean.`, fix: `Set \`${name}\` to true or false.` })
}

export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = stringInput(name)
  if (value === '') return fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new ActionError({
    message: `Input \`${name}\` is "${value}", which is not one of ${choices.join(', ')}.`,
    fix: `Set \`${name}\` to one of: ${choices.join(', ')}.`
  })
}

export function positiveIntegerInput(name: string): number | undefined {
  const value = stringInput(name)
  if (value === '') return undefined
  if (!/^[1-9][0-9]{0,9}$/.test(value)) {
    throw new ActionError({ message: `Input \`${name}\` is "${value}", which is not a positive whole number.`, fix: `Set \`${name}\` to a number such as 42.` })
  }
  return Number(value)
}

/** The token is masked before anything else can print it. */
export function tokenInput(): string {
  const token = stringInput('token')
  if (token === '') {
    throw new ActionError({
      message: 'No token was given.',
      fix: 'Leave the `token` input at its default (`${{ github.token }}`) or pass a token explicitly.'
    })
  }
  core.setSecret(token)
  return token
}
