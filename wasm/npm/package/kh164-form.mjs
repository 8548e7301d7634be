// The loader of the Plan 164/KH-UBND report form as an ES module:
//
//   import { mount } from '@kh164/report-form';
//   const form = mount(document.querySelector('#report'), { body: 'so-y-te', period: 'annual-2026' });
//
// It runs the classic loader (kh164-form.js, from the same folder) once and
// exports its API; <kh164-report-form> is defined as well. The kit's files
// (form.wasm.gz, wasm_exec.js…) are fetched from the folder of this file.
const src = new URL('./kh164-form.js', import.meta.url).href;

if (!window.KH164Form) {
  await new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('cannot load ' + src));
    document.head.appendChild(s);
  });
}

export const KH164Form = window.KH164Form;

export function mount(element, options) {
  return KH164Form.mount(element, options);
}

export default KH164Form;
