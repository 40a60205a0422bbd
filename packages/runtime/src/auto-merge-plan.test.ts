import { planAutoMerge, type AutoMergeSituation } from './auto-merge-plan'

const standard: AutoMergeSituation = {
  changeType: 'standard',
  allowed: ['standard'],
  approved: true,
  setting: 'squash',
  alreadyEnabled: null,
  inMergeQueue: false,
  draft: false
}

test('an approved standard change asked to auto-merge is turned on with the method asked', () => {
  expect(planAutoMerge(standard)).toEqual({ enable: 'squash' })
})

test('a type the policy does not list never auto-merges', () => {
  expect(planAutoMerge({ ...standard, changeType: 'normal' })).toEqual({ outcome: 'no', detail: 'the policy lets standard changes auto-merge, not normal ones' })
  expect(planAutoMerge({ ...standard, allowed: [] })).toMatchObject({ outcome: 'no', detail: expect.stringContaining('lets no changes') })
})

test('a change that is not approved does not auto-merge', () => {
  expect(planAutoMerge({ ...standard, approved: false })).toMatchObject({ outcome: 'no' })
})

test('without the input it is only eligible', () => {
  expect(planAutoMerge({ ...standard, setting: 'false' })).toMatchObject({ outcome: 'eligible' })
})

test('already on, in a merge queue or a draft: nothing is sent', () => {
  expect(planAutoMerge({ ...standard, alreadyEnabled: 'SQUASH' })).toEqual({ outcome: 'enabled', detail: 'already on (squash)' })
  expect(planAutoMerge({ ...standard, inMergeQueue: true })).toMatchObject({ outcome: 'eligible' })
  expect(planAutoMerge({ ...standard, draft: true })).toMatchObject({ outcome: 'eligible' })
})
