// Browser test: the templates in the real Camunda 7 modeler library (camunda-bpmn-js), driven like an analyst.
//
// Serves test/modeler.html (camunda-platform-modeler bundle + CSS from node_modules) on 127.0.0.1, starts
// Debian's Chromium through playwright-core, builds start event -> "Send WhatsApp CTA" task -> end event
// with the palette, context pad and properties panel, checks the analyst messages of invalid values and
// that emptying optional fields never throws, then writes
//   ../connector/src/test/resources/modeler/modeler-exported-cta.bpmn  (run on the engine by a JUnit test)
//   ../docs/element-template-properties-panel.png                      (the README screenshot)
//   ../docs/status-wait-properties-panel.png                           (docs/delivery-status.md)
// The templates themselves are read from ../element-templates.
// Exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strict as assert } from 'node:assert';
import { serve } from './serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXPORTED_BPMN = resolve(ROOT, '../connector/src/test/resources/modeler/modeler-exported-cta.bpmn');
const SCREENSHOT = resolve(ROOT, '../docs/element-template-properties-panel.png');
const STATUS_WAIT_SCREENSHOT = resolve(ROOT, '../docs/status-wait-properties-panel.png');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// What the analyst types, field label -> value. The exported diagram's JUnit test relies on these.
const PROCESS = { id: 'whatsappCtaFromModeler', name: 'WhatsApp offer (drawn in the modeler)' };
const TASK = { id: 'sendWhatsAppCta', name: 'Send offer on WhatsApp' };
const START = { id: 'StartEvent_1', name: 'Offer ready' };
const END = { id: 'offerSent', name: 'Offer sent' };
const FIELDS = {
  "Customer's WhatsApp number": '${customerPhone}',
  'Sender number (optional)': '+919000000000',
  'Header (optional)': 'Your offer is ready',
  'Message text': 'Hi ${firstName}!\nTap the button below to see your personal offer.',
  'Footer (optional)': 'Valid for 7 days',
  'Button label': 'See offer',
  'Button link': 'https://shop.example.com/offer?c=${customerId}',
  'Reference (optional)': '${customerId}',
  'Reference 1 (optional)': 'spring-campaign',
  'Reference 2 (optional)': 'modeler-test'
};
// The media header's fields are optional too, but only for an Image, Video or Document header: this analyst keeps
// the Text header, leaves them empty and checks them separately; the bean-template run fills them.
const MEDIA_LINK = 'Header media link';
const DOCUMENT_FILENAME = 'Document file name (document only)';
const HEADER_TYPE = { label: 'Header type', value: 'text' };
const OPTIONAL = [...Object.keys(FIELDS).filter((label) => label.endsWith('(optional)')), MEDIA_LINK, DOCUMENT_FILENAME];
const TEMPORARY = { [MEDIA_LINK]: 'https://cdn.example.com/temporary.jpg' };
const SOURCE = { label: 'Source system', value: 'braze' };
const RESULT_VARIABLE = { label: 'Result variable', value: 'offerMessageId' };
const ASYNC = 'Send in a background job (recommended)';
const TRACK_TAPS = { label: 'Track taps', off: 'false', on: 'true' };

const step = (text) => console.log(`- ${text}`);

async function main() {
  const { server, url } = await serve(ROOT);
  const profile = mkdtempSync(join(tmpdir(), 'modeler-test-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1100 }
    });
    const page = context.pages()[0] || await context.newPage();
    // bpmn-js names new elements with random ids (Flow_0uge67g); a seeded Math.random keeps the exported
    // file identical from run to run, so a refresh only shows up in git when the diagram really changed.
    await page.addInitScript(() => {
      let seed = 20240901;
      Math.random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    });
    const problems = watch(page);
    try {
      await run(page, url, problems);
      await checkBeanTemplate(page, url, problems);
      await checkStatusWaitTemplate(page, url, problems);
      await probePitfalls(page, url);
    } catch (e) {
      const shot = join(tmpdir(), 'modeler-test-failure.png');
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.error(`screenshot of the failure: ${shot}\nproblems seen: ${JSON.stringify(problems, null, 2)}`);
      throw e;
    }
  } finally {
    await context?.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Collects uncaught page exceptions, console errors and requests leaving 127.0.0.1. */
function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page exception: ${e.stack || e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:') && !r.url().startsWith('data:')) problems.push(`remote request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  return problems;
}

function assertNoProblems(problems, when) {
  assert.deepEqual(problems, [], `problems ${when}`);
}

async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.modelerReady || window.pageErrors.length);
  const { pageErrors, templateErrors } = await page.evaluate(() => ({
    pageErrors: window.pageErrors, templateErrors: window.templateErrors
  }));
  assert.deepEqual(pageErrors, [], 'modeler start');
  assert.deepEqual(templateErrors, [], 'the modeler rejected a template');
}

async function run(page, url, problems) {
  step('open the Camunda 7 modeler with a new diagram and the templates');
  await open(page, url);

  step('name the process in the properties panel');
  await page.click('.djs-container svg', { position: { x: 600, y: 500 } });
  await openGroup(page, 'General');
  await type(page, 'Name', PROCESS.name);
  await type(page, 'ID', PROCESS.id);
  await openGroup(page, 'History cleanup');
  assert.equal(await page.getByLabel('Time to live').inputValue(), '180');

  step('name the start event, append a task to it and change the task into a service task');
  await clickElement(page, START.id);
  await openGroup(page, 'General');
  await type(page, 'Name', START.name);
  await page.click('.djs-context-pad [data-action="append.append-task"]');
  await page.click('.djs-context-pad [data-action="replace"]');
  await page.click('.djs-popup [data-id="replace-with-service-task"]');

  step('apply "Send WhatsApp CTA" through the Template "Select" button');
  await page.click('.bio-properties-panel-select-template-button');
  const choices = await page.locator('#chooser button').allTextContents();
  assert.deepEqual(choices.sort(), ['Send WhatsApp CTA', 'Send WhatsApp CTA (application server)'], 'templates offered');
  await page.click('#chooser button:text-is("Send WhatsApp CTA")');
  await page.locator('.bio-properties-panel-header', { hasText: 'Send WhatsApp CTA' }).waitFor({ timeout: 5000 });

  step('name the task');
  await openGroup(page, 'General');
  await type(page, 'Name', TASK.name);
  await type(page, 'ID', TASK.id);

  for (const group of ['Recipient', 'Message', 'Button', 'Tracking', 'Result']) {
    await openGroup(page, group);
  }

  step('tabbing through the still empty optional fields neither throws nor shows an error');
  for (const label of OPTIONAL) {
    const shown = await errorsShownDuring(page, label, () => leaveUntouched(page, label));
    assert.deepEqual(shown, [], `errors shown while tabbing through untouched "${label}"`);
    assertNoProblems(problems, `after tabbing through "${label}"`);
  }

  step('invalid values show the analyst messages');
  await expectError(page, 'Button label', 'x'.repeat(21), 'The button label can have at most 20 characters');
  await expectError(page, 'Button label', '🎁'.repeat(21), 'The button label can have at most 20 characters');
  await expectNoError(page, 'Button label', '🎁'.repeat(20));
  await expectError(page, "Customer's WhatsApp number", '12345', 'Enter the number with country code');
  await expectError(page, 'Button link', 'shop.example.com/offer', 'Enter the full link starting with https://');
  await expectError(page, 'Header (optional)', 'h'.repeat(61), 'The header can have at most 60 characters');
  await expectNoError(page, 'Header (optional)', `${'h'.repeat(70)} \${longTitle}`);
  await expectError(page, MEDIA_LINK, 'http://cdn.example.com/offer.jpg', "Enter the file's full https:// link");
  await expectError(page, MEDIA_LINK, 'http://127.0.0.1:8080/offer.jpg', "Enter the file's full https:// link");
  await expectError(page, MEDIA_LINK, 'cdn.example.com/offer.jpg', "Enter the file's full https:// link");
  await expectError(page, MEDIA_LINK, `https://cdn.example.com/${'a'.repeat(1977)}`, "Enter the file's full https:// link");
  await expectNoError(page, MEDIA_LINK, `https://cdn.example.com/${'a'.repeat(1976)}`);
  await expectNoError(page, MEDIA_LINK, '${offerImageUrl}');
  await expectError(page, DOCUMENT_FILENAME, 'd'.repeat(256), 'The file name can have at most 255 characters');
  await expectNoError(page, DOCUMENT_FILENAME, '🎁'.repeat(255));
  await expectError(page, RESULT_VARIABLE.label, 'offer id', 'Enter a variable name');
  await expectError(page, 'Message text', '', 'Must not be empty.');

  step('emptying optional fields and leaving them neither throws nor shows an error');
  for (const label of OPTIONAL) {
    await type(page, label, TEMPORARY[label] || 'temporary');
    const shown = await errorsShownDuring(page, label, () => clear(page, label));
    assert.deepEqual(shown, [], `errors shown while emptying "${label}"`);
    assertNoProblems(problems, `after emptying "${label}"`);
  }

  step('fill every field as the analyst would');
  for (const [label, value] of Object.entries(FIELDS)) {
    await type(page, label, value);
    assert.equal(await errorOf(page, label), null, `error under "${label}"`);
  }
  assert.equal(await page.getByLabel(HEADER_TYPE.label).inputValue(), HEADER_TYPE.value, 'the header type defaults to Text');
  assert.deepEqual(await page.getByLabel(HEADER_TYPE.label).locator('option').allTextContents(), ['Text',
    'Image (JPEG or PNG, up to 5 MB)', 'Video (MP4 or 3GPP, up to 16 MB)', 'Document (PDF, up to 100 MB)'], 'header types');
  await page.getByLabel(SOURCE.label).selectOption(SOURCE.value);
  const trackTaps = page.getByLabel(TRACK_TAPS.label, { exact: true });
  assert.equal(await trackTaps.inputValue(), TRACK_TAPS.off, 'tap tracking is off by default');
  assert.deepEqual(await trackTaps.locator('option').allTextContents(), ['Off', 'On: record the tap'], 'Track taps choices');
  await trackTaps.selectOption(TRACK_TAPS.on);
  await trackTaps.selectOption(TRACK_TAPS.off);
  await type(page, RESULT_VARIABLE.label, RESULT_VARIABLE.value);
  const asyncBox = page.getByLabel(ASYNC);
  assert.equal(await asyncBox.isChecked(), true, 'background job is on by default');
  await toggle(asyncBox, false);
  await toggle(asyncBox, true);
  assert.equal(await page.locator('#properties .has-error').count(), 0, 'no field shows an error');

  step('screenshot of the properties panel');
  await clickElement(page, TASK.id);
  await closeGroup(page, 'General');
  const height = await page.locator('.bio-properties-panel-scroll-container').evaluate((scroll) => {
    scroll.scrollTop = 0;
    return Math.ceil(scroll.getBoundingClientRect().top + scroll.scrollHeight + 8);
  });
  await page.setViewportSize({ width: 1400, height: Math.max(height, 1100) });
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => {}))));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.locator('#properties').screenshot({ path: SCREENSHOT, animations: 'disabled', caret: 'hide' });
  await page.setViewportSize({ width: 1400, height: 1100 });

  step('append an end event');
  await clickElement(page, TASK.id);
  await page.click('.djs-context-pad [data-action="append.end-event"]');
  await openGroup(page, 'General');
  await type(page, 'Name', END.name);
  await type(page, 'ID', END.id);

  step('export the BPMN XML');
  const { xml } = await page.evaluate(() => window.modeler.saveXML({ format: true }));
  checkExport(xml);
  mkdirSync(dirname(EXPORTED_BPMN), { recursive: true });
  writeFileSync(EXPORTED_BPMN, xml);
  assertNoProblems(problems, 'during the test');
  console.log(`wrote ${EXPORTED_BPMN}\nwrote ${SCREENSHOT}`);
}

/** The exported model is the deployable process the analyst drew, with every value as typed. */
function checkExport(xml) {
  const has = (text) => assert.ok(xml.includes(text), `exported BPMN lacks ${text}\n${xml}`);
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  has(`<bpmn:process id="${PROCESS.id}" name="${PROCESS.name}" isExecutable="true" camunda:historyTimeToLive="180">`);
  has(`<bpmn:serviceTask id="${TASK.id}" name="${TASK.name}" camunda:modelerTemplate="io.kaleyracta.whatsapp-cta"`);
  has('camunda:modelerTemplateVersion="1"');
  has('camunda:class="io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate"');
  has('camunda:asyncBefore="true"');
  const inputs = {
    recipient: FIELDS["Customer's WhatsApp number"], businessNumber: FIELDS['Sender number (optional)'],
    headerType: HEADER_TYPE.value, headerText: FIELDS['Header (optional)'], bodyText: FIELDS['Message text'], footerText: FIELDS['Footer (optional)'],
    buttonText: FIELDS['Button label'], buttonUrl: FIELDS['Button link'], ref: FIELDS['Reference (optional)'],
    ref1: FIELDS['Reference 1 (optional)'], ref2: FIELDS['Reference 2 (optional)'], waSource: SOURCE.value,
    trackTaps: TRACK_TAPS.off
  };
  for (const [name, value] of Object.entries(inputs)) {
    has(`<camunda:inputParameter name="${name}">${escape(value)}</camunda:inputParameter>`);
  }
  has(`<camunda:outputParameter name="${RESULT_VARIABLE.value}">\${messageId}</camunda:outputParameter>`);
  // the emptied media header fields stay as empty parameters, which the engine reads as absent
  for (const name of ['headerMediaUrl', 'headerDocumentFilename']) {
    assert.match(xml, new RegExp(`<camunda:inputParameter name="${name}"\\s*(/>|></camunda:inputParameter>)`), `${name} empty`);
  }
  assert.equal((xml.match(/<camunda:inputParameter /g) || []).length, Object.keys(inputs).length + 2, 'input count');
  assert.match(xml, new RegExp(`<bpmn:startEvent id="${START.id}" name="${START.name}">\\s*<bpmn:outgoing>\\w+</bpmn:outgoing>`));
  assert.match(xml, new RegExp(`<bpmn:endEvent id="${END.id}" name="${END.name}">\\s*<bpmn:incoming>\\w+</bpmn:incoming>\\s*</bpmn:endEvent>`));
  assert.equal((xml.match(/<bpmn:sequenceFlow /g) || []).length, 2, 'start -> task -> end');
  assert.ok(!/api-?key|kaleyra\.sid/i.test(xml), 'no credentials in the diagram');
}

/** The bean-wired variant applies the same way and wires the delegate by expression instead of class. */
async function checkBeanTemplate(page, url, problems) {
  step('apply "Send WhatsApp CTA (application server)" to a new service task');
  await open(page, url);
  await createServiceTask(page);
  await page.click('.bio-properties-panel-select-template-button');
  await page.click('#chooser button:text-is("Send WhatsApp CTA (application server)")');
  await openGroup(page, 'Button');
  await type(page, 'Button label', 'See offer');
  step('choose an Image header and give its link');
  await openGroup(page, 'Message');
  await page.getByLabel(HEADER_TYPE.label).selectOption('image');
  await type(page, MEDIA_LINK, 'https://cdn.example.com/offers/spring-sale.jpg');
  assert.equal(await errorOf(page, MEDIA_LINK), null, `error under "${MEDIA_LINK}"`);
  const { xml } = await page.evaluate(() => window.modeler.saveXML({ format: true }));
  assert.match(xml, /<camunda:inputParameter name="headerType">image<\/camunda:inputParameter>/);
  assert.match(xml, /<camunda:inputParameter name="headerMediaUrl">https:\/\/cdn\.example\.com\/offers\/spring-sale\.jpg<\/camunda:inputParameter>/);
  assert.match(xml, /camunda:modelerTemplate="io\.kaleyracta\.whatsapp-cta-bean"/);
  assert.match(xml, /camunda:delegateExpression="\$\{kaleyraWhatsAppCta\}"/);
  assert.doesNotMatch(xml, /camunda:class=/);
  assert.match(xml, /<camunda:inputParameter name="buttonText">See offer<\/camunda:inputParameter>/);
  assertNoProblems(problems, 'with the bean template');
}

/**
 * "Wait for WhatsApp status" applies to a receive task (the only C7 element a template can make wait without a
 * message definition): the start listener, the message id (default ${kaleyraMessageId}) and the chosen status.
 */
async function checkStatusWaitTemplate(page, url, problems) {
  step('apply "Wait for WhatsApp status" to a new receive task');
  await open(page, url);
  await page.click('.djs-palette [data-action="create.task"]');
  await page.mouse.click(500, 300);
  await page.click('.djs-context-pad [data-action="replace"]');
  await page.click('.djs-popup [data-id="replace-with-receive-task"]');
  await page.click('.bio-properties-panel-select-template-button');
  const choices = await page.locator('#chooser button').allTextContents();
  assert.deepEqual(choices, ['Wait for WhatsApp status'], 'templates offered for a receive task');
  await page.click('#chooser button:text-is("Wait for WhatsApp status")');
  await page.locator('.bio-properties-panel-header', { hasText: 'Wait for WhatsApp status' }).waitFor({ timeout: 5000 });
  await openGroup(page, 'Message');
  await openGroup(page, 'Status');
  assert.equal(await page.getByLabel('Message id').inputValue(), '${kaleyraMessageId}', 'default message id');
  await expectError(page, 'Message id', '', 'Must not be empty.');
  await type(page, 'Message id', '${reminderMessageId}');
  await page.getByLabel('Continue when the message is').selectOption('DELIVERED');
  assert.equal(await page.locator('#properties .has-error').count(), 0, 'no field shows an error');
  const { xml } = await page.evaluate(() => window.modeler.saveXML({ format: true }));
  assert.match(xml, /<bpmn:receiveTask id="\w+" camunda:modelerTemplate="io\.kaleyracta\.whatsapp-status-wait"/);
  assert.match(xml, /<camunda:executionListener class="io\.kaleyracta\.connector\.status\.engine\.StatusWaitListener" event="start" \/>/);
  assert.match(xml, /<camunda:inputParameter name="kaleyraWaitMessageId">\$\{reminderMessageId\}<\/camunda:inputParameter>/);
  assert.match(xml, /<camunda:inputParameter name="kaleyraWaitStatuses">DELIVERED<\/camunda:inputParameter>/);
  assert.doesNotMatch(xml, /messageRef/, 'a receive task without a message: the connector ends it');
  assertNoProblems(problems, 'with the status wait template');
  step('screenshot of the status wait in the properties panel');
  await closeGroup(page, 'General');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const panel = await page.locator('#properties').boundingBox();
  const bottom = await page.locator('#properties .bio-properties-panel-group').last()
    .evaluate((group) => group.getBoundingClientRect().bottom);
  await page.screenshot({ path: STATUS_WAIT_SCREENSHOT, animations: 'disabled', caret: 'hide',
    clip: { x: panel.x, y: panel.y, width: panel.width, height: Math.ceil(bottom - panel.y + 8) } });
}

async function createServiceTask(page) {
  await page.click('.djs-palette [data-action="create.task"]');
  await page.mouse.click(500, 300);
  await page.click('.djs-context-pad [data-action="replace"]');
  await page.click('.djs-popup [data-id="replace-with-service-task"]');
}

/**
 * Shows, in the same library, the two traps the template's constraints are designed around; prints what it
 * finds and does not fail, so a library upgrade that fixes them is noticed without breaking CI.
 */
async function probePitfalls(page, url) {
  step('probe: what camunda-bpmn-js does with maxLength and a plain pattern on an emptied optional field');
  const probe = {
    $schema: 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json',
    id: 'probe', name: 'Probe', version: 1, appliesTo: ['bpmn:ServiceTask'],
    properties: [
      { label: 'With maxLength', type: 'String', binding: { type: 'camunda:inputParameter', name: 'a' },
        constraints: { maxLength: 60 } },
      { label: 'With pattern', type: 'String', binding: { type: 'camunda:inputParameter', name: 'b' },
        constraints: { pattern: { value: '^(|[0-9]{0,15})$', message: 'probe pattern failed' } } }
    ]
  };
  await page.route('**/templates.json', (route) => route.fulfill({ json: [probe] }));
  const exceptions = [];
  page.on('pageerror', (e) => exceptions.push(e.message));
  await open(page, url);
  await createServiceTask(page);
  await page.click('.bio-properties-panel-select-template-button');
  await page.click('#chooser button:text-is("Probe")');
  await openGroup(page, 'Custom properties');
  const report = async (what, label, action) => {
    exceptions.length = 0;
    const shown = await errorsShownDuring(page, label, () => action(page, label));
    const still = await errorOf(page, label);
    console.log(`  ${what} -> ${exceptions.length ? `page exception: ${exceptions[0]}` : 'no exception'}; `
      + `${shown.length ? `showed ${JSON.stringify(shown)}${still ? ' and still shows it' : ' for a moment'}` : 'no error shown'}`);
  };
  await report('maxLength 60, empty field focused and left', 'With maxLength', leaveUntouched);
  await type(page, 'With maxLength', 'abc');
  await report('maxLength 60, field emptied and left', 'With maxLength', clear);
  await report('pattern ^(|[0-9]{0,15})$, empty field focused and left', 'With pattern', leaveUntouched);
  await type(page, 'With pattern', '123');
  await report('pattern ^(|[0-9]{0,15})$, field emptied and left', 'With pattern', clear);
  await page.unroute('**/templates.json');
}

// Properties panel helpers: fields are found by their label, like an analyst finds them.

async function openGroup(page, label) {
  await setGroupOpen(page, label, true);
}

async function closeGroup(page, label) {
  await setGroupOpen(page, label, false);
}

async function setGroupOpen(page, label, open) {
  const header = page.locator('.bio-properties-panel-group-header', {
    has: page.locator('.bio-properties-panel-group-header-title', { hasText: new RegExp(`^${label}$`) })
  });
  if ((await header.getAttribute('class')).split(/\s+/).includes('open') !== open) {
    await header.click();
  }
}

/** Replaces the field's content by typing, then leaves the field (Tab), which commits it. */
async function type(page, label, value) {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Delete');
  const lines = value.split('\n');
  if (value.length > 200) {
    await field.fill(value); // a long link: keystroke by keystroke would take seconds
  } else {
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) await field.press('Enter');
      await field.pressSequentially(lines[i]);
    }
  }
  await field.press('Tab');
  assert.equal(await field.inputValue(), value.trim(), `"${label}" after typing`);
}

/** Focuses a field and leaves it with Tab without typing, as an analyst tabbing through the form does. */
async function leaveUntouched(page, label) {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.press('Tab');
}

async function clear(page, label) {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Delete');
  await page.waitForTimeout(700); // the panel commits typed input after 600 ms
  await field.press('Tab');
}

/** Runs `action` and returns every error message shown under the field meanwhile, even for a single frame. */
async function errorsShownDuring(page, label, action) {
  await page.evaluate((label) => {
    const labelOf = (node) => node.closest('.bio-properties-panel-entry')?.querySelector('label')?.textContent;
    const record = (error) => {
      if (labelOf(error) === label) window.errorsShown.push(error.textContent);
    };
    window.errorsShown = [];
    window.errorObserver = new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'characterData' && m.target.parentElement?.matches('.bio-properties-panel-error')) {
          record(m.target.parentElement);
        }
        for (const node of m.addedNodes) {
          if (node.nodeType !== 1) continue;
          (node.matches('.bio-properties-panel-error') ? [node] : node.querySelectorAll('.bio-properties-panel-error')).forEach(record);
        }
      }
    });
    window.errorObserver.observe(document.getElementById('properties'), { childList: true, subtree: true, characterData: true });
  }, label);
  await action();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    window.errorObserver.disconnect();
    return window.errorsShown;
  });
}

async function errorOf(page, label) {
  const entry = page.locator('.bio-properties-panel-entry', { has: page.getByLabel(label, { exact: true }) });
  const error = entry.locator('.bio-properties-panel-error');
  return (await error.count()) ? error.textContent() : null;
}

async function expectError(page, label, value, message) {
  await (value === '' ? clear(page, label) : type(page, label, value));
  const error = await errorOf(page, label);
  assert.ok(error && error.startsWith(message), `"${label}" = ${JSON.stringify(value)} shows ${JSON.stringify(error)}, expected "${message}..."`);
  const shown = Array.from(value);
  console.log(`  "${label}" = ${JSON.stringify(shown.length > 30 ? `${shown.slice(0, 27).join('')}...` : value)} -> ${error}`);
}

async function expectNoError(page, label, value) {
  await type(page, label, value);
  assert.equal(await errorOf(page, label), null, `"${label}" = ${JSON.stringify(value)}`);
}

/** Clicks a checkbox; the panel re-renders it from the model a moment later. */
async function toggle(checkbox, expected) {
  await checkbox.click();
  for (let i = 0; i < 50 && (await checkbox.isChecked()) !== expected; i++) {
    await checkbox.page().waitForTimeout(100);
  }
  assert.equal(await checkbox.isChecked(), expected, 'checkbox after a click');
}

/** Selects a diagram element by clicking it (a click on the already selected element would unselect it). */
async function clickElement(page, id) {
  const selected = () => page.evaluate(() => window.modeler.get('selection').get().map((e) => e.id));
  if (!(await selected()).includes(id)) {
    await page.click(`.djs-element[data-element-id="${id}"]`);
  }
  assert.deepEqual(await selected(), [id], 'selection');
}

main().then(() => console.log('modeler test passed'), (e) => {
  console.error(e.stack || e);
  process.exitCode = 1;
});
