// Ajv side of the kh164 schema agreement suite (schema/agreement_test.go).
//
// Reads JSON lines on standard input:
//   {"schema": KEY, "text": SCHEMA}        compile SCHEMA (JSON text) as KEY
//   {"id": N, "schema": KEY, "doc": B64}   validate the document (base64 of
//                                          its bytes, decoded as UTF-8 and
//                                          parsed with JSON.parse)
// and writes one line per document:
//   {"id": N, "valid": BOOL, "errors": [{"path": INSTANCE_PATH, "schemaPath": P, "keyword": K, "message": M}]}
// A document that JSON.parse rejects gets {"id": N, "parseError": MESSAGE}.
// A schema that does not compile in strict mode stops the run with exit
// status 1 and {"fatal": MESSAGE} on standard output.
//
// Ajv runs as integrators are told to run it: Ajv2020 (draft 2020-12) with
// ajv-formats, strict mode on (strict: true), allErrors so that every error
// location is reported. No custom keyword is registered: the schemas use
// none.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createInterface } from "node:readline";

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validators = new Map();
const out = [];

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line.trim() === "") continue;
  const msg = JSON.parse(line);
  if (msg.text !== undefined) {
    try {
      validators.set(msg.schema, ajv.compile(JSON.parse(msg.text)));
    } catch (e) {
      process.stdout.write(JSON.stringify({ fatal: `schema ${msg.schema}: ${e.message}` }) + "\n");
      process.exit(1);
    }
    continue;
  }
  const validate = validators.get(msg.schema);
  if (!validate) {
    process.stdout.write(JSON.stringify({ fatal: `unknown schema ${msg.schema}` }) + "\n");
    process.exit(1);
  }
  let doc;
  try {
    doc = JSON.parse(Buffer.from(msg.doc, "base64").toString("utf8"));
  } catch (e) {
    out.push(JSON.stringify({ id: msg.id, parseError: e.message }));
    continue;
  }
  const valid = validate(doc);
  const errors = (validate.errors || []).map((e) => ({ path: e.instancePath, schemaPath: e.schemaPath, keyword: e.keyword, message: e.message }));
  out.push(JSON.stringify({ id: msg.id, valid, errors }));
  if (out.length >= 500) {
    process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  }
}
if (out.length) process.stdout.write(out.join("\n") + "\n");
