// gate-deploy's run, apart from the package's main entry: it lints migrations (a rollback's
// schema drift) with the Postgres parser, which only bundles that vendor it may load.
export { runGate, type GateRun, type GateRunInput } from './gate-run'
