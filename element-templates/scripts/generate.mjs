// Writes kaleyra-whatsapp-cta-bean.json from kaleyra-whatsapp-cta.json (see bean-template.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BEAN_FILE, MAIN_FILE, beanTemplate, format } from './bean-template.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const main = JSON.parse(readFileSync(join(root, MAIN_FILE), 'utf8'));
writeFileSync(join(root, BEAN_FILE), format(beanTemplate(main)));
console.log(`wrote ${BEAN_FILE} from ${MAIN_FILE}`);
