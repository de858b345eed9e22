// Opens the journey in the real Camunda 7 modeler library (camunda-bpmn-js, the code inside Camunda Modeler) in
// headless Chromium, with the "Send WhatsApp CTA" element template loaded as the Desktop Modeler loads it, and
// checks that the diagram imports without warnings and that the modeler recognises the send task as that
// template, in its current version, with every template field present; and, with the "Wait for WhatsApp status"
// template loaded too, that it recognises the status wait as that template.
//
//   node scripts/modeler-check.mjs src/main/resources/bpmn/appointment-reminder.bpmn [--screenshot file.png]
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strict as assert } from 'node:assert';

const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = resolve(HERE, '../element-templates/kaleyra-whatsapp-cta.json');
const STATUS_TEMPLATE = resolve(HERE, '../element-templates/kaleyra-whatsapp-status-wait.json');
const STATUS_WAIT = 'waitForRead';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SEND_TASK = 'sendReminder';

const [file, flag, screenshot] = process.argv.slice(2);
if (!file || (flag && flag !== '--screenshot')) {
  console.error('usage: node scripts/modeler-check.mjs <file.bpmn> [--screenshot file.png]');
  process.exit(2);
}
const xml = readFileSync(file, 'utf8');
const template = JSON.parse(readFileSync(TEMPLATE, 'utf8'));
const statusTemplate = JSON.parse(readFileSync(STATUS_TEMPLATE, 'utf8'));

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/node_modules/camunda-bpmn-js/dist/assets/camunda-platform-modeler.css">
<style>html,body{margin:0;height:100%}#app{display:flex;height:100%}#canvas{flex:1}#properties{width:420px;overflow:auto}</style>
</head><body><div id="app"><div id="canvas"></div><div id="properties"></div></div>
<script src="/node_modules/camunda-bpmn-js/dist/camunda-platform-modeler.development.js"></script>
</body></html>`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(PAGE);
  }
  const target = normalize(join(HERE, path));
  if (!target.startsWith(join(HERE, 'node_modules') + sep)) {
    res.writeHead(404);
    return res.end();
  }
  try {
    const body = await readFile(target);
    res.writeHead(200, { 'content-type': TYPES[extname(target)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = mkdtempSync(join(tmpdir(), 'example-modeler-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, viewport: { width: 1600, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
let failed = false;
try {
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  const result = await page.evaluate(async ({ xml, template, statusTemplate, sendTask, statusWait }) => {
    const templateErrors = [];
    const modeler = new window.BpmnModeler({
      container: '#canvas', propertiesPanel: { parent: '#properties' }, elementTemplates: [template, statusTemplate]
    });
    window.modeler = modeler;
    modeler.get('eventBus').on('elementTemplates.errors', (e) => templateErrors.push(...e.errors.map(String)));
    const { warnings } = await modeler.importXML(xml);
    modeler.get('canvas').zoom('fit-viewport', 'auto');
    const element = modeler.get('elementRegistry').get(sendTask);
    const applied = element && modeler.get('elementTemplates').get(element);
    const wait = modeler.get('elementRegistry').get(statusWait);
    const waitApplied = wait && modeler.get('elementTemplates').get(wait);
    return {
      warnings: warnings.map((w) => w.message), templateErrors, elements: modeler.get('elementRegistry').getAll().length,
      applied: applied ? { id: applied.id, version: applied.version } : null,
      waitApplied: waitApplied ? { id: waitApplied.id, version: waitApplied.version } : null
    };
  }, { xml, template, statusTemplate, sendTask: SEND_TASK, statusWait: STATUS_WAIT });

  // select the task as the analyst does, with a click
  await page.locator(`.djs-element[data-element-id="${SEND_TASK}"] .djs-hit`).first().click();
  await page.locator('#properties .bio-properties-panel-header-type', { hasText: new RegExp(template.name, 'i') })
    .waitFor({ timeout: 5000 }).catch(() => {});
  result.header = await page.locator('#properties .bio-properties-panel-header-type').first()
    .evaluate((e) => e.textContent.trim());
  result.groups = await page.locator('#properties .bio-properties-panel-group-header-title')
    .evaluateAll((titles) => titles.map((e) => e.textContent.trim()));
  result.templateStatus = await page.locator('#properties .bio-properties-panel-group-header', { hasText: 'Template' })
    .first().evaluate((e) => e.textContent.replace(/\s+/g, ' ').trim());

  assert.deepEqual(result.warnings, [], 'import warnings');
  assert.deepEqual(result.templateErrors, [], 'template errors');
  assert.deepEqual(result.applied, { id: template.id, version: template.version },
    `"${SEND_TASK}" is recognised as the current template`);
  assert.deepEqual(result.waitApplied, { id: statusTemplate.id, version: statusTemplate.version },
    `"${STATUS_WAIT}" is recognised as the current "${statusTemplate.name}" template`);
  if (screenshot) await page.screenshot({ path: screenshot });
  assert.equal(result.header, template.name, 'the properties panel shows the template');
  assert.match(result.templateStatus, /Applied/, 'the modeler reports the template as applied (not outdated)');
  for (const group of template.groups.map((g) => g.label)) {
    assert.ok(result.groups.includes(group), `the properties panel shows the template's group "${group}" (${result.groups})`);
  }
  assert.deepEqual(pageErrors, [], 'uncaught page errors');
  if (screenshot) await page.screenshot({ path: screenshot });
  console.log(`${file}: opens in camunda-bpmn-js without warnings (${result.elements} diagram elements); `
    + `"${SEND_TASK}" is "${result.header}" v${result.applied.version} (template applied) with groups ${result.groups.join(', ')}; `
    + `"${STATUS_WAIT}" is "${statusTemplate.name}" v${result.waitApplied.version}`);
} catch (e) {
  failed = true;
  console.error(`${file}: FAILED in the Camunda 7 modeler library: ${e.message}`);
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
