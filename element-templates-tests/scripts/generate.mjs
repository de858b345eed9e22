// Writes kaleyra-whatsapp-cta-bean.json from kaleyra-whatsapp-cta.json (see bean-template.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BEAN_FILE, MAIN_FILE, beanTemplate, format } from './bean-template.mjs';
import { TEMPLATE_DIR as root } from './templates.mjs';

const main = JSON.parse(readFileSync(join(root, MAIN_FILE), 'utf8'));
writeFileSync(join(root, BEAN_FILE), format(beanTemplate(main)));
console.log(`wrote ${BEAN_FILE} from ${MAIN_FILE}`);
