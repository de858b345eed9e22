// Where the element templates live: every *.json in the element-templates folder except npm's own files.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const NOT_TEMPLATES = new Set(['package.json', 'package-lock.json']);

export async function templateFiles(dir) {
  return (await readdir(dir)).filter((name) => name.endsWith('.json') && !NOT_TEMPLATES.has(name)).sort();
}

/** Resolves to [{ file, text, json }] for every template file in `dir`. */
export async function readTemplates(dir) {
  const result = [];
  for (const file of await templateFiles(dir)) {
    const text = await readFile(join(dir, file), 'utf8');
    result.push({ file, text, json: JSON.parse(text) });
  }
  return result;
}
