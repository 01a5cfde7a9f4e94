// Lets plain `node` run this repository's TypeScript from source (worker processes in tests,
// benchmarks): ts-node compiles on the fly, tsconfig-paths resolves the @wk/* aliases.
const { join } = require('node:path');
const root = join(__dirname, '..', '..');
require('ts-node').register({ transpileOnly: true, project: join(root, 'test', 'tsconfig.json') });
const { compilerOptions } = require(join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
