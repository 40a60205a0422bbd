// What a presenter needs: the state (to look accounts up) and where URLs point.
import type { Urls } from '../http/urls'
import type { SimulatorState } from '../state/simulator-state'
import type { components } from '@octokit/openapi-types'

export interface View {
  readonly state: SimulatorState
  readonly urls: Urls
}

export type Schemas = components['schemas']
