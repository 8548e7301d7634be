// Compiled by tsc --noEmit --strict against the installed package: a
// portal's use of the form, every event handled, value() read.
import KH164Form, { mount } from '@kh164/report-form';
import type { FormHandle, MountOptions, Report, Issue, FieldIssue, ReportTask } from '@kh164/report-form';

const options: MountOptions = { body: 'so-y-te', period: 'annual-2026', lang: 'en', validateOn: 'touch', action: '/api/reports' };
const handle: FormHandle = mount(document.getElementById('report')!, options);
handle.ready.then((h) => {
  const r: Report | null = h.value();
  if (r) {
    const year: number = r.period.year;
    const tasks: ReportTask[] = r.tasks;
    const phone: string = r.preparedBy.phone;
    const blood: number | undefined = r.indicators?.blood_units;
    console.log(year, tasks.map((t) => t.status), phone, blood);
  }
  const v = h.validate();
  if (v && !v.valid) {
    v.errors.forEach((e: FieldIssue) => console.log(e.field, e.vi, e.en));
  }
  const bad = h.setValue('{}');
  bad?.errors.forEach((e: Issue) => console.log(e.path, e.line, e.column, e.code));
});

const el = document.querySelector('kh164-report-form')!; // typed by HTMLElementTagNameMap
el.addEventListener('ready', (e) => console.log(e.detail.body, e.detail.period));
el.addEventListener('change', (e) => console.log(e.detail.field));
el.addEventListener('invalid', (e) => e.detail.errors.forEach((x) => console.log(x.path, x.field)));
el.addEventListener('submit', (e) => {
  const report: Report = e.detail;
  if (report.tasks.length === 0) {
    e.preventDefault();
  }
});
el.addEventListener('error', (e) => console.log(e.detail.phase ?? 'operation', e.detail.message));
el.ready.then((h) => h.destroy());
const created = document.createElement('kh164-report-form');
created.setAttribute('body', 'so-y-te');
console.log(KH164Form.diagnostics().forms, window.KH164Form === KH164Form, created.value());
