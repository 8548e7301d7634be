// The loader's API: KH164Form.mount, its handle and <kh164-report-form>.
// The data types (options, events and their detail, issues, the report)
// are generated from the Go declarations and the JSON Schema: types.d.ts
// and report.d.ts.
import type { MountOptions, Events, Validation, SetValueErrors } from './types';
import type { Report } from './report';

export type * from './types';
export type * from './report';

/** A form event: a CustomEvent whose detail is the type Events gives it. */
export type FormEvent<K extends keyof Events> = CustomEvent<Events[K]>;

/** The events of a form, by type, as addEventListener gives them. */
export type FormEventMap = { [K in keyof Events]: FormEvent<K> };

/** A mounted form: what KH164Form.mount returns. */
export interface FormHandle {
  /** Resolves with the handle once the module has loaded and the form is shown. */
  readonly ready: Promise<FormHandle>;
  /** The report built from what was typed (numbers that cannot be read are left out); null before ready. */
  value(): Report | null;
  /** Shows a report (an object or JSON text) in the form; returns null, or the errors when it is not a report. */
  setValue(report: Report | string): SetValueErrors | null;
  /** Checks, shows the messages and returns the result; null before ready. */
  validate(): Validation | null;
  /** Saves the draft, removes the form and releases everything it held. */
  destroy(): void;
}

/** The loader's global, window.KH164Form. */
export interface KH164FormAPI {
  /** Renders a form into element; its events are dispatched on element. */
  mount(element: Element, options: MountOptions): FormHandle;
  /** For tests and monitoring: mounted forms and the size of the module's memory. */
  diagnostics(): { forms: number; wasmMemoryBytes: number; stopped: string | null };
}

/** The element <kh164-report-form>: attributes body, period, lang, validate-on, draft-key, action, report-date, heading. */
export interface KH164ReportFormElement extends HTMLElement {
  readonly ready: Promise<FormHandle>;
  value(): Report | null;
  setValue(report: Report | string): SetValueErrors | null;
  validate(): Validation | null;
  addEventListener<K extends keyof FormEventMap>(type: K, listener: (this: KH164ReportFormElement, ev: FormEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof FormEventMap>(type: K, listener: (this: KH164ReportFormElement, ev: FormEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'kh164-report-form': KH164ReportFormElement;
  }
  interface Window {
    KH164Form: KH164FormAPI;
  }
}

/** The loader's API (window.KH164Form). */
export declare const KH164Form: KH164FormAPI;
/** KH164Form.mount. */
export declare function mount(element: Element, options: MountOptions): FormHandle;
export default KH164Form;
