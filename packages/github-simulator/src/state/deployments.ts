// Deployments of one repository and their statuses, kept as GitHub keeps them: a new
// `success` status (with auto_inactive, the default) marks the environment's earlier
// successful deployments `inactive`.
import type { DeploymentRecord, DeploymentState, DeploymentStatusRecord } from './records'
import type { SimulatorState } from './simulator-state'

type When = Date | string | number

export interface DeploymentOptions {
  sha: string
  ref?: string
  task?: string
  environment?: string
  description?: string | null
  creator?: string
  payload?: Record<string, unknown> | string
  transientEnvironment?: boolean
  productionEnvironment?: boolean
  at?: When
}

export interface DeploymentStatusOptions {
  state: DeploymentState
  description?: string
  creator?: string
  targetUrl?: string
  logUrl?: string
  environmentUrl?: string
  autoInactive?: boolean
  at?: When
}

export class DeploymentLog {
  readonly deployments: DeploymentRecord[] = []

  constructor(private readonly state: SimulatorState) {}

  add(options: DeploymentOptions): DeploymentRecord {
    const id = this.state.nextId()
    const at = this.state.timestamp(options.at)
    const environment = options.environment ?? 'production'
    const record: DeploymentRecord = {
      id,
      nodeId: this.state.nodeId('DE', id),
      sha: options.sha,
      ref: options.ref ?? options.sha,
      task: options.task ?? 'deploy',
      payload: options.payload ?? {},
      environment,
      description: options.description ?? null,
      creator: this.state.user(options.creator ?? 'github-actions[bot]').login,
      transientEnvironment: options.transientEnvironment ?? false,
      productionEnvironment: options.productionEnvironment ?? environment === 'production',
      createdAt: at,
      updatedAt: at,
      statuses: []
    }
    this.deployments.push(record)
    return record
  }

  find(id: number): DeploymentRecord | undefined {
    return this.deployments.find((d) => d.id === id)
  }

  addStatus(deployment: DeploymentRecord, options: DeploymentStatusOptions): DeploymentStatusRecord {
    const id = this.state.nextId()
    const at = this.state.timestamp(options.at)
    const status: DeploymentStatusRecord = {
      id,
      nodeId: this.state.nodeId('DES', id),
      state: options.state,
      creator: this.state.user(options.creator ?? deployment.creator).login,
      description: options.description ?? '',
      environment: deployment.environment,
      targetUrl: options.targetUrl ?? '',
      logUrl: options.logUrl ?? options.targetUrl ?? '',
      environmentUrl: options.environmentUrl ?? '',
      createdAt: at,
      updatedAt: at
    }
    deployment.statuses.push(status)
    deployment.updatedAt = at
    if (options.state === 'success' && (options.autoInactive ?? true) && !deployment.transientEnvironment) {
      for (const other of this.deployments) {
        if (other === deployment || other.environment !== deployment.environment) continue
        if (other.statuses.at(-1)?.state === 'success') this.addStatus(other, { state: 'inactive', creator: status.creator, autoInactive: false, at: options.at })
      }
    }
    return status
  }
}
