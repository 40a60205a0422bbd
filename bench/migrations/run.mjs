// Entry point: node bench/migrations/run.mjs (MIGRATIONS=<n> to change the history size).
import '../ts-loader.mjs'

await import('./bench-migrations.ts')
