// Validates every element template in ../element-templates; exits 1 on any error.
//  0. the folder holds templates only (Camunda Modeler reports any other .json, node_modules included, as broken);
//  1. the JSON schema of Camunda 7 element templates, through @bpmn-io/element-templates-validator
//     (the validator Camunda Modeler uses);
//  2. our rules for what camunda-bpmn-js 5.30's properties panel really does with constraints (see
//     the root README.md, "For maintainers of the template", and the probe printed by `npm run test:modeler`);
//  3. the bean-wired template is exactly what scripts/bean-template.mjs derives from the main template.
import { validate } from '@bpmn-io/element-templates-validator';
import { TEMPLATE_DIR as root, readTemplates, strayEntries } from './templates.mjs';
import { BEAN_FILE, MAIN_FILE, beanTemplate, format } from './bean-template.mjs';

const errors = [];
const fail = (file, message) => errors.push(`${file}: ${message}`);

const strays = await strayEntries(root);
if (strays.length) {
  console.error(strays.map((name) => `${name}: not a template: element-templates/ holds templates only, so Camunda`
    + ' Modeler can load the folder').join('\n'));
  process.exit(1);
}

const templates = await readTemplates(root);
if (!templates.some(({ file }) => file === MAIN_FILE)) {
  fail(MAIN_FILE, 'missing');
}
const seen = new Map();
for (const { file, text, json } of templates) {
  const result = validate(text);
  for (const error of result.errors || []) {
    const at = error.dataPointer?.value ? ` (line ${error.dataPointer.value.line + 1})` : '';
    fail(file, `schema: ${error.dataPath || error.instancePath || '/'} ${error.message}${at}`);
  }
  for (const warning of result.warnings || []) {
    console.warn(`${file}: warning: ${warning.instancePath || '/'} ${warning.message}`);
  }
  for (const template of Array.isArray(json) ? json : [json]) {
    const key = `${template.id}@${template.version}`;
    if (seen.has(key)) fail(file, `template ${key} is also defined in ${seen.get(key)}`);
    seen.set(key, file);
    checkRules(file, template);
  }
  console.log(`${file}: ${Array.isArray(json) ? json.length : 1} template(s) checked`);
}

const main = templates.find(({ file }) => file === MAIN_FILE);
const bean = templates.find(({ file }) => file === BEAN_FILE);
if (main && (!bean || bean.text !== format(beanTemplate(main.json)))) {
  fail(BEAN_FILE, `out of date with ${MAIN_FILE}: run \`npm run generate\` and commit the result`);
}

if (errors.length) {
  console.error(`\n${errors.length} error(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
  process.exit(1);
}
console.log(`all ${templates.length} template file(s) valid`);

function checkRules(file, template) {
  for (const property of template.properties) {
    const name = `property "${property.label || property.binding.name || property.binding.source}"`;
    const { notEmpty, maxLength, minLength, pattern } = property.constraints || {};
    const isInput = property.binding.type === 'camunda:inputParameter';
    const editable = property.type !== 'Hidden' && property.editable !== false;

    if (/api.?key|secret|password|token|\bsid\b/i.test(`${property.label} ${property.binding.name}`)) {
      fail(file, `${name} looks like a credential; credentials come from the engine's configuration`);
    }
    if (editable && (!property.label || !property.description)) {
      fail(file, `${name} needs a label and a description`);
    }
    // camunda-bpmn-js 5.30 evaluates `value.length` with value === undefined when an optional field is
    // left empty: an uncaught TypeError. Limits of optional fields go into the pattern instead.
    if ((maxLength || minLength) && !notEmpty) {
      fail(file, `${name}: maxLength/minLength on an optional field throws in the modeler when the field is left empty; put the limit in the pattern`);
    }
    if (!pattern) continue;
    const source = typeof pattern === 'string' ? pattern : pattern.value;
    if (typeof pattern === 'string' || !pattern.message) {
      fail(file, `${name}: a pattern needs a message an analyst understands`);
    }
    if (!source.startsWith('^') || !source.endsWith('$')) {
      fail(file, `${name}: the modeler searches the pattern (RegExp.test), so anchor it with ^...$`);
    }
    const regex = new RegExp(source);
    const accepts = (value) => regex.test(value);
    if (isInput) {
      for (const expression of ['${customer.phone}', '#{offer.url}', 'Hi ${firstName}, see ${url}']) {
        if (!accepts(expression)) fail(file, `${name}: the pattern rejects the expression ${expression}`);
      }
    }
    // An optional field left empty is tested as '' and, when the analyst leaves it, as String(undefined).
    if (!notEmpty && !(accepts('') && accepts('undefined'))) {
      fail(file, `${name}: an optional field's pattern must accept '' and 'undefined' (the modeler tests an emptied field as "undefined")`);
    }
    const limit = /\{0,(\d+)\}\)\$$/.exec(source);
    if (limit) {
      const n = Number(limit[1]);
      if (!accepts('a'.repeat(n)) || accepts('a'.repeat(n + 1)) || !accepts('\u{1F381}'.repeat(n))) {
        fail(file, `${name}: the pattern must accept ${n} characters (emoji count as one) and reject ${n + 1}`);
      }
    }
  }
}
