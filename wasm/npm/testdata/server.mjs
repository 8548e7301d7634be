// A Node backend as a portal team would write it, for the package's test:
// the simplest static server (no Content-Encoding, no negotiation) for the
// installed package and the pages, and POST /api/reports validated with
// the package's Node entry: 422 {"errors": [...]} or 201. It prints its
// address, logs every path it served (GET /__log) and stops when its
// standard input closes.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { validate, ready } from '@kh164/report-form/node';

const root = process.cwd();
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.gz': 'application/gzip',
};
const units = process.env.UNITS_FILE ? fs.readFileSync(process.env.UNITS_FILE, 'utf8') : undefined;
const { maxBytes } = await ready();
const log = [];

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/api/reports') {
    const chunks = [];
    let size = 0;
    for await (const c of req) {
      size += c.length;
      chunks.push(c);
      if (size > maxBytes) break; // one byte over is enough for too_large
    }
    const { valid, errors } = await validate(Buffer.concat(chunks), url.searchParams.has('units') ? { units } : {});
    res.writeHead(valid ? 201 : 422, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(valid ? { vi: 'Đã nhận báo cáo.', en: 'Report received.' } : { errors }));
    return;
  }
  if (url.pathname === '/__log') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(log));
    return;
  }
  log.push(url.pathname);
  const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Content-Length': st.size });
    fs.createReadStream(file).pipe(res);
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log('listening http://127.0.0.1:' + server.address().port + '/');
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
