// harness.js records, for the browser tests, what a page does: the form's
// events and any Content-Security-Policy violation. It is served from the
// test server's own origin, as the CSP requires.
window.__events = [];
window.__csp = [];
['ready', 'change', 'invalid', 'submit', 'error'].forEach(function (type) {
  document.addEventListener(type, function (e) {
    if (!(e instanceof CustomEvent)) {
      return;
    }
    var t = e.target;
    window.__events.push({ type: type, form: t.id || '', detail: e.detail, at: performance.now() });
  }, true);
});
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
