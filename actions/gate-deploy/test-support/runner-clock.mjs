// Test only, loaded with `node --import` into the bundled action's process: the runner's
// clock starts at GATE_TEST_NOW and runs on from there. The action itself reads no such
// variable; this is how the freeze tests put a real process at a chosen instant.
const start = Date.parse(process.env.GATE_TEST_NOW ?? '')
if (!Number.isNaN(start)) {
  const RealDate = Date
  const began = RealDate.now()
  const now = () => start + (RealDate.now() - began)
  class RunnerDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now())
      else super(...args)
    }
    static now() {
      return now()
    }
  }
  globalThis.Date = RunnerDate
}
