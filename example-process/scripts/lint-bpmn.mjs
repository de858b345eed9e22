// Lints BPMN files with Camunda's Camunda 7 rules, as Camunda Modeler's problems panel does (@camunda/linting:
// bpmnlint's "correctness" rules + bpmnlint-plugin-camunda-compat's rules for the diagram's execution platform
// version), plus bpmnlint's "recommended" rules. The platform version is read from the diagram
// (modeler:executionPlatformVersion) and must be 7.24. Exits 1 on any finding.
//
//   node scripts/lint-bpmn.mjs src/main/resources/bpmn/appointment-reminder.bpmn
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
const modelerModdle = require('modeler-moddle/resources/modeler.json');

const EXPECTED_PLATFORM = 'Camunda Platform';
const EXPECTED_VERSION = '7.24';

async function lint(file) {
  const moddle = new BpmnModdle({ camunda: camundaModdle, modeler: modelerModdle });
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
  const problems = warnings.map((w) => `import: ${w.message}`);

  const platform = rootElement.get('modeler:executionPlatform');
  const version = String(rootElement.get('modeler:executionPlatformVersion') || '');
  if (platform !== EXPECTED_PLATFORM || !version.startsWith(EXPECTED_VERSION)) {
    problems.push(`diagram targets ${platform} ${version}, expected ${EXPECTED_PLATFORM} ${EXPECTED_VERSION}.x`);
  }
  const configName = `camunda-platform-${EXPECTED_VERSION.replace('.', '-')}`;
  const linter = new Linter({
    config: {
      extends: ['bpmnlint:recommended', 'bpmnlint:correctness', `plugin:camunda-compat/${configName}`]
    },
    resolver: new NodeResolver()
  });
  const reports = await linter.lint(rootElement);
  let rulesRun = 0;
  for (const [rule, findings] of Object.entries(reports)) {
    rulesRun++;
    for (const finding of findings) {
      problems.push(`${finding.category || 'error'} ${finding.id || ''}: ${finding.message} (${rule})`);
    }
  }
  return { problems, configName };
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node scripts/lint-bpmn.mjs <file.bpmn>...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const { problems, configName } = await lint(file);
  if (problems.length) {
    failed = true;
    console.error(`${file}: ${problems.length} problem(s) (bpmnlint recommended + correctness + camunda-compat/${configName})`);
    for (const problem of problems) console.error(`  ${problem}`);
  } else {
    console.log(`${file}: no problems (bpmnlint recommended + correctness + camunda-compat/${configName})`);
  }
}
process.exit(failed ? 1 : 0);
