// Bad input to the bundled gate: one clear error each, the step fails and allowed is false.
import { startSimulator, type Simulator } from '@change-policy/github-simulator'
import { expectRefused, GateWorld } from './test-support/gate-world'

const POLICY = `version: 1
deploy:
  branches: [main]
  required-checks: [test, build]
`

let sim: Simulator

beforeEach(async () => {
  sim = await startSimulator()
})

afterEach(async () => {
  expect(sim.errors).toEqual([])
  await sim.close()
})

test('a sha that does not exist', async () => {
  const world = new GateWorld(sim, POLICY)
  world.merge()
  expectRefused(await world.gate({ sha: 'f'.repeat(40) }), /There is no commit `f{40}` in acme\/app/)
  expect(world.deployments()).toEqual([])
})

test('a sha that is not a full commit sha', async () => {
  const world = new GateWorld(sim, POLICY)
  expectRefused(await world.gate({ sha: 'main' }), /Input `sha` is "main", which is not a full commit sha/)
})

test('a sha that is not on a deploy branch', async () => {
  const world = new GateWorld(sim, POLICY)
  const side = world.repo.commit({ branch: 'feature/x', from: 'main', files: { 'src/x.ts': 'x\n' }, at: world.story.next() })
  expectRefused(await world.gate({ sha: side.sha }), new RegExp(`Commit ${side.sha.slice(0, 7)} is not on a deploy branch \\(deploy.branches: main\\)`))
})

test('malformed freezes: an end before its start, an unknown time zone, an unknown day', async () => {
  const world = new GateWorld(sim, `version: 1
deploy:
  freezes:
    - name: backwards
      from: "2027-01-04T00:00:00+01:00"
      to: "2026-12-20T00:00:00+01:00"
    - name: mars
      days: [sat]
      timezone: Mars/Olympus_Mons
    - name: someday
      days: [funday]
`)
  world.merge()
  const result = await world.gate()
  const errors = expectRefused(result, /`deploy.freezes\[0\].from` \(2027-01-04T00:00:00\+01:00\) is not before `to`/)
  expect(errors).toMatch(/`Mars\/Olympus_Mons` is not a known IANA time zone/)
  expect(errors).toMatch(/`funday` is not a known weekday/)
  // Located in the file, as an annotation with its line.
  expect(result.annotations.filter((a) => a.level === 'error' && a.file === '.github/change-policy.yml' && typeof a.line === 'number').length).toBeGreaterThanOrEqual(3)
})

test('an unknown mode', async () => {
  const world = new GateWorld(sim, POLICY)
  expectRefused(await world.gate({ mode: 'yolo' }), /Input `mode` is "yolo", which is not one of deploy, rollback/)
})

test('an environment the policy does not guard', async () => {
  const world = new GateWorld(sim, POLICY)
  world.merge()
  expectRefused(await world.gate({ environment: 'prodution' }), /Environment `prodution` is not one the policy guards \(deploy.environments: production\)/)
  expect(world.deployments()).toEqual([])
})

test('allow-schema-drift outside a rollback', async () => {
  const world = new GateWorld(sim, POLICY)
  const result = await world.gate({ 'allow-schema-drift': 'true' })
  expectRefused(result, /`allow-schema-drift: true` only applies to `mode: rollback`/)
  expect(result.stdout).not.toMatch(/\n\s+at /) // no stack trace
})
