// Headless-Chromium check of a running example (java -jar ... --keep-running): opens the Kaleyra sandbox's viewer
// and Cockpit the way a user would, checks what they show, and saves the README's screenshots.
//
//   node scripts/screenshots.mjs --cockpit http://localhost:8080 --viewer http://127.0.0.1:PORT/ --out ../docs
//
// Viewer: the accepted reminders are there as WhatsApp bubbles (header, body, button) -> sandbox-viewer.png.
// Cockpit: logs in as demo/demo, finds "Appointment reminder on WhatsApp" in the process list with its running
// instances and an incident, opens it, sees the incident badge on the send task, the count of the instance waiting
// for WhatsApp's status on "Wait until the customer reads it" and the status routes after it -> cockpit.png.
// Tap: in the viewer, a person taps "Manage appointment" on Leela Pillai's reminder (Track taps on: the button is a
// tracking link on the example's own port), the new tab lands on the booking page (answered here: it is the clinic's),
// and the engine (Cockpit's session, its engine API) shows her journey continued to "Confirmed by tap" with TAPPED.
// Tasklist: the same session lists the operators' tasks of the journey (filter "All tasks"); claiming "Fix the
// customer's number", entering a valid number and completing it sends the reminder (it shows up in the viewer).
// Exits non-zero on the first failed check (and leaves a screenshot of the failure in the temp directory).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strict as assert } from 'node:assert';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
for (const name of ['cockpit', 'viewer', 'out']) {
  if (!args[name]) {
    console.error('usage: node scripts/screenshots.mjs --cockpit http://localhost:PORT --viewer http://127.0.0.1:PORT/ --out DIR');
    process.exit(2);
  }
}
const OUT = resolve(args.out);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PROCESS_NAME = 'Appointment reminder on WhatsApp';
const FIXED_NUMBER = '+919845012345';
const TAPPER = { greeting: 'Hi Leela', appointment: 'APT-2415',
  bookingUrl: 'https://smiledental.example.com/appointments/APT-2415?c=C-1015' };
const step = (text) => console.log(`- ${text}`);

async function viewer(page) {
  step(`sandbox viewer ${args.viewer}`);
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(args.viewer);
  const bubbles = page.locator('section.msg');
  await bubbles.first().waitFor({ timeout: 10000 });
  const count = await bubbles.count();
  assert.ok(count >= 1, 'the viewer shows the accepted reminders');
  const first = await bubbles.first().innerText();
  for (const text of ['Manage appointment', 'ref APT-', 'message id']) {
    assert.ok(first.includes(text), `a bubble shows "${text}": ${first}`);
  }
  const texts = await bubbles.allInnerTexts();
  assert.ok(texts.some((text) => text.includes('Your appointment tomorrow')), 'a reminder has the text header');
  // Asha Rao's reminder has the clinic's photo as image header: the viewer draws it above the text
  const asha = bubbles.filter({ hasText: 'Hi Asha' }).first();
  await asha.locator('.mh-image').waitFor({ timeout: 10000 });
  assert.ok((await asha.innerText()).includes('indiranagar-entrance.jpg'), 'the image header names the photo');
  await page.screenshot({ path: join(OUT, 'sandbox-viewer.png'), fullPage: true });
  step(`  ${count} reminder(s) shown -> ${join(OUT, 'sandbox-viewer.png')}`);
}

async function cockpit(page) {
  const base = args.cockpit.replace(/\/$/, '');
  step(`Cockpit ${base}: log in as demo`);
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(`${base}/camunda/app/cockpit/default/`);
  await page.getByPlaceholder('Username').fill('demo');
  await page.getByPlaceholder('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('Demo Operator').first().waitFor({ timeout: 15000 });

  step('process list: the journey with running instances and an incident');
  await page.goto(`${base}/camunda/app/cockpit/default/#/processes`);
  const row = page.locator('tr', { hasText: PROCESS_NAME });
  await row.waitFor({ timeout: 15000 });
  const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
  // columns: State, Incidents, Running Instances, Key, Name, Tenant ID
  const [incidents, running] = [Number(cells[1]), Number(cells[2])];
  assert.ok(incidents >= 1, `an incident is listed (row: ${cells.join(' | ')})`);
  assert.ok(running >= 1, `running instances are listed (row: ${cells.join(' | ')})`);
  step(`  ${running} running instance(s), ${incidents} incident(s)`);

  step('process definition: diagram with the incident on "Send reminder on WhatsApp"');
  await row.getByRole('link', { name: PROCESS_NAME }).click();
  await page.locator('.djs-container svg').first().waitFor({ timeout: 15000 });
  const sendTask = page.locator('[data-element-id="sendReminder"]').first();
  await sendTask.waitFor({ timeout: 15000 });
  // Cockpit's overlays: a count of the instances waiting at an activity, and a red one of its incidents
  const incidentBadge = page.locator('.djs-overlays[data-container-id="sendReminder"] .instance-incidents');
  await incidentBadge.first().waitFor({ state: 'visible', timeout: 15000 });
  assert.ok(Number(await incidentBadge.first().innerText()) >= 1, 'the send task shows its incident count');
  // Imran Sheikh's reminder: sent, no status reported yet, the real 4-hour deadline ahead
  const waitingBadge = page.locator('.djs-overlays[data-container-id="waitForRead"] .instance-count');
  await waitingBadge.first().waitFor({ state: 'visible', timeout: 15000 });
  assert.ok(Number(await waitingBadge.first().innerText()) >= 1, 'the status wait shows its waiting instance');
  for (const id of ['readDeadline', 'whatsAppReport', 'reminderRead', 'remindOnceMore', 'reminderUnread',
    'sendTemplateInstead', 'reminderSentAsTemplate', 'sendSmsNotDelivered', 'reminderNotDeliveredSentBySms']) {
    await page.locator(`[data-element-id="${id}"]`).first().waitFor({ timeout: 5000 });
  }
  await page.getByText('APT-2409').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(500); // let the diagram finish fitting the viewport
  await page.screenshot({ path: join(OUT, 'cockpit.png') });
  step(`  incident badge, the instance waiting for WhatsApp's status and the status routes shown -> ${join(OUT, 'cockpit.png')}`);
}

async function tap(page) {
  const base = args.cockpit.replace(/\/$/, '');
  const context = page.context();
  step(`viewer: tap "Manage appointment" on Leela Pillai's reminder (${TAPPER.appointment}, Track taps on)`);
  // the booking page is the clinic's: answered here, so the new tab lands on it without the internet
  await context.route('https://smiledental.example.com/**', (route) => route.fulfill({ status: 200,
    contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>Smile Dental</title><h1>Your appointment</h1>' }));
  await page.goto(args.viewer);
  const bubble = page.locator('section.msg').filter({ hasText: TAPPER.greeting }).first();
  await bubble.waitFor({ timeout: 10000 });
  const button = bubble.locator('a.btn').first();
  const href = await button.getAttribute('href');
  assert.match(href, /^http:\/\/127\.0\.0\.1:\d+\/kaleyra\/t\/[A-Za-z0-9_.~-]+$/, `the button is the tracking link: ${href}`);
  const redirect = context.waitForEvent('response', { predicate: (r) => r.url() === href, timeout: 15000 });
  const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 15000 }), button.click()]);
  const answer = await redirect;
  assert.equal(answer.status(), 302, 'the tracking link redirects');
  assert.equal(answer.headers()['location'], TAPPER.bookingUrl, 'to the booking page, byte for byte');
  await tab.waitForURL((url) => url.href === TAPPER.bookingUrl, { timeout: 15000 });
  step(`  ${href} -> 302 -> ${tab.url()}`);
  await tab.close();

  step('engine: her journey continued to "Confirmed by tap"');
  const api = `${base}/camunda/api/engine/engine/default`;
  const get = async (path) => {
    const response = await page.request.get(`${api}${path}`);
    assert.ok(response.ok(), `GET ${path}: HTTP ${response.status()}`);
    return response.json();
  };
  const deadline = Date.now() + 20000;
  let instance;
  do {
    [instance] = await get(`/history/process-instance?processInstanceBusinessKey=${TAPPER.appointment}`);
    if (instance?.state !== 'COMPLETED') await page.waitForTimeout(250);
  } while (instance?.state !== 'COMPLETED' && Date.now() < deadline);
  assert.equal(instance?.state, 'COMPLETED', `the journey of ${TAPPER.appointment} ended: ${JSON.stringify(instance)}`);
  const ends = await get(`/history/activity-instance?processInstanceId=${instance.id}&activityType=noneEndEvent`);
  assert.deepEqual(ends.map((a) => a.activityName), ['Confirmed by tap'], 'at "Confirmed by tap"');
  const [status] = await get(`/history/variable-instance?processInstanceId=${instance.id}&variableName=kaleyraStatus`);
  assert.equal(status?.value, 'TAPPED', 'kaleyraStatus');
  step(`  ${TAPPER.appointment} ended at "${ends[0].activityName}", kaleyraStatus ${status.value}`);
}

async function tasklist(page) {
  const base = args.cockpit.replace(/\/$/, '');
  step('Tasklist (same login): the operators\' tasks in "All tasks"');
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  for (const task of ['Top up Kaleyra balance', "Fix the customer's number", 'Alert: fix the Kaleyra account',
    "Check Kaleyra's report before resending"]) {
    await page.getByText(task).first().waitFor({ timeout: 15000 });
  }
  step('  all four kinds of operator task listed');

  step('Tasklist: claim "Fix the customer\'s number", enter a valid number, complete it');
  await page.locator('li', { hasText: "Fix the customer's number" }).first().click();
  await page.getByText('Claim', { exact: true }).click();
  const phone = page.locator('input[name="customerPhone"]');
  await phone.waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('input[name="customerPhone"]').disabled, null,
    { timeout: 10000 });
  await phone.fill(FIXED_NUMBER);
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.getByText("Fix the customer's number").first().waitFor({ timeout: 10000 }); // the other one remains

  step(`viewer: the resent reminder to ${FIXED_NUMBER} arrives`);
  const deadline = Date.now() + 20000;
  let shown = '';
  while (Date.now() < deadline && !shown.includes(FIXED_NUMBER)) {
    await page.goto(args.viewer);
    shown = await page.locator('main').innerText();
    if (!shown.includes(FIXED_NUMBER)) await page.waitForTimeout(500);
  }
  assert.ok(shown.includes(FIXED_NUMBER), `the viewer shows the reminder to ${FIXED_NUMBER}`);
  step('  sent after the operator fixed the number');
}

const profile = mkdtempSync(join(tmpdir(), 'example-screenshots-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const page = context.pages()[0] || await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
let failed = false;
try {
  mkdirSync(OUT, { recursive: true });
  await viewer(page);
  await cockpit(page);
  await tap(page);
  await tasklist(page);
  assert.deepEqual(pageErrors, [], 'uncaught errors in the pages');
} catch (e) {
  failed = true;
  const shot = join(tmpdir(), 'example-screenshots-failure.png');
  await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
  console.error(`FAILED: ${e.message}\n(screenshot of the failure: ${shot})`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
