// Lets `node --import ./bench/ts-loader.mjs script.ts` run the TypeScript
// sources directly, with the workspace's own `typescript` (no extra dependency): .ts files
// are transpiled on load, and extensionless relative imports (moduleResolution Bundler)
// resolve to the .ts file.
import { register } from 'node:module'

register('./ts-loader-hooks.mjs', import.meta.url)
