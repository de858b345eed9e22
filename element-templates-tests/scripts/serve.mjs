// A tiny static server for the browser test: the test page, node_modules (the modeler library) and
// /templates.json (every template file of ../element-templates, as Camunda Modeler loads resources/element-templates).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { templateFiles, readTemplates } from './templates.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.png': 'image/png'
};

/** Serves `root` on 127.0.0.1 at an ephemeral port; resolves to { server, url }. */
export function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (path === '/favicon.ico') {
        return send(res, 204, 'image/x-icon', '');
      }
      if (path === '/templates.json') {
        const templates = (await readTemplates()).flatMap(({ json }) => (Array.isArray(json) ? json : [json]));
        return send(res, 200, TYPES['.json'], JSON.stringify(templates));
      }
      const file = normalize(join(root, path === '/' ? 'test/modeler.html' : path));
      if (!file.startsWith(root + sep)) {
        return send(res, 403, 'text/plain', 'forbidden');
      }
      send(res, 200, TYPES[extname(file)] || 'application/octet-stream', await readFile(file));
    } catch (e) {
      send(res, e.code === 'ENOENT' ? 404 : 500, 'text/plain', String(e.message));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}/` });
  }));
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export { templateFiles };
