// The Node entry's types (no DOM needed for them).
import { validate, ready } from '@kh164/report-form/node';
import type { Checked, Issue } from '@kh164/report-form/node';

async function check(body: Uint8Array): Promise<number> {
  const { maxBytes } = await ready();
  const res: Checked = await validate(body.length > maxBytes ? body.subarray(0, maxBytes + 1) : body, { units: '{"units": []}' });
  res.errors.forEach((e: Issue) => console.log(e.path, e.code, e.vi, e.en));
  return res.valid ? 201 : 422;
}
check(new Uint8Array(0));
