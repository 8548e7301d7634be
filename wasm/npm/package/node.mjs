// The Node entry of @kh164/report-form: validates reports with the same
// WebAssembly module as the form, without a DOM, for Node backends:
//
//   import { validate } from '@kh164/report-form/node';
//   const { valid, errors } = await validate(body); // body: the bytes received
//   if (!valid) { res.writeHead(422, { 'Content-Type': 'application/json' }); res.end(JSON.stringify({ errors })); }
//
// errors are the issue objects of the portal's 422 and of planreport serve.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// PROTOCOL is the protocol between the loaders and the program, declared in
// Go (wasm/internal/form/protocol.go) and written here by go generate.
/*KH164_PROTOCOL*/var PROTOCOL = { version: 1, maxFileBytes: 1048576, commands: { value: "value", setValue: "setValue", validate: "validate", tick: "tick", answer: "answer", file: "file", fileError: "file-error", destroy: "destroy" } };/*KH164_PROTOCOL_END*/
let started = null;

function start() {
  if (started) {
    return started;
  }
  started = (async () => {
    if (!globalThis.Go) {
      require('./wasm_exec.js'); // the toolchain's support script, matched to form.wasm
    }
    const go = new globalThis.Go();
    const key = '__kh164Validate' + Math.random().toString(36).slice(2);
    const ready = new Promise((resolve) => { globalThis[key] = resolve; });
    go.argv = ['kh164-form', key];
    const bytes = await readFile(new URL('./form.wasm', import.meta.url));
    const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
    go.run(instance).then(() => { started = null; }, () => { started = null; });
    const api = await ready;
    delete globalThis[key];
    if (!api || api.version !== PROTOCOL.version || typeof api.validate !== 'function') {
      throw new Error('form.wasm does not match node.mjs');
    }
    return api;
  })();
  started.catch(() => { started = null; });
  return started;
}

// ready starts the module (about a second, once) and gives its limits.
export async function ready() {
  const api = await start();
  return { maxBytes: api.maxBytes };
}

// validate parses and validates a report as the portal does: the bytes as
// received (a string is encoded as UTF-8). options.units is the text of a
// units file registering commune-level units.
export async function validate(report, options = {}) {
  const api = await start();
  let bytes = report;
  if (typeof report === 'string') {
    bytes = new TextEncoder().encode(report);
  } else if (report instanceof ArrayBuffer) {
    bytes = new Uint8Array(report);
  } else if (!(report instanceof Uint8Array)) {
    throw new TypeError('validate needs the report as a string, a Uint8Array (a Buffer) or an ArrayBuffer');
  }
  const units = options && options.units != null ? String(options.units) : undefined;
  const out = api.validate(bytes, units);
  if (typeof out !== 'string') {
    throw new Error(out && out.error || 'validate failed');
  }
  return JSON.parse(out);
}
