// Where the element templates live: ../element-templates, a folder that holds templates only, so Camunda Modeler
// can be pointed at it (it loads every *.json below its search paths and reports anything else as broken).
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the templates, beside this npm project. */
export const TEMPLATE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'element-templates');

export async function templateFiles(dir = TEMPLATE_DIR) {
  return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
}

/** Every entry of `dir` that is not a template file (a sub-folder, package.json, node_modules, a script). */
export async function strayEntries(dir = TEMPLATE_DIR) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => !e.isFile() || !e.name.endsWith('.json') || e.name.startsWith('package'))
    .map((e) => e.name).sort();
}

/** Resolves to [{ file, text, json }] for every template file in `dir`. */
export async function readTemplates(dir = TEMPLATE_DIR) {
  const result = [];
  for (const file of await templateFiles(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    result.push({ file, text, json: JSON.parse(text) });
  }
  return result;
}
