// Starts the worker from source in its own process (tests kill it with SIGKILL mid-job).
// ts-node compiles on the fly; tsconfig-paths resolves the @wk/* imports like tsconfig.base.json.
const { join } = require('node:path');
const root = join(__dirname, '..', '..');
require('ts-node').register({ transpileOnly: true, project: join(root, 'test', 'tsconfig.json') });
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
require('./worker-main.ts');
