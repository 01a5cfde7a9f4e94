// Runs a benchmark from source: node test/bench/run.js <name>   (e.g. round-fanout)
require('../support/register-ts');
const name = process.argv[2];
if (!name) {
  console.error('usage: node test/bench/run.js <benchmark>   (round-fanout, survey-submit, insights, phone)');
  process.exit(2);
}
require(`./${name}.ts`);
