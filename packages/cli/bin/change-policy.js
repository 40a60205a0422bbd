#!/usr/bin/env node
// The bundled command, built with the actions by `npm run build`.
import '../../../dist/cli/index.js'
