// The Node entry: validation with the form's WebAssembly module, no DOM.
// Issue and Checked are generated from the Go declarations (types.d.ts).
import type { Checked } from './types';

export type { Issue, Checked } from './types';

/** Options of validate. */
export interface ValidateOptions {
  /** The text of a units file (schema/units.schema.json) registering commune-level units. */
  units?: string;
}

/** Starts the module (about a second, once) and gives its input limit in bytes. */
export declare function ready(): Promise<{ maxBytes: number }>;

/**
 * Parses and validates a report as the portal does: pass the bytes as received (a string is
 * encoded as UTF-8). The errors are the objects of the portal's 422 answer.
 */
export declare function validate(report: string | Uint8Array | ArrayBuffer, options?: ValidateOptions): Promise<Checked>;
