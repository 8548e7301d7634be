// portal.js: the portal's own behaviour around the embedded form. The
// form does everything else; this file offers to start from the last
// version the portal received, and removes drafts at sign-out (a file,
// so pages keep a strict CSP).
(function () {
  'use strict';
  var notice = document.getElementById('latest');
  var form = document.getElementById('report');
  if (!notice || !form) return;
  // Once a new version is received, the form's confirmation says which:
  // the notice about the earlier version goes.
  form.addEventListener('sent', function () { notice.remove(); });
  var button = document.getElementById('load-latest');
  button.addEventListener('click', function () {
    button.disabled = true;
    // The stored version comes back as it was received: its bytes (a
    // BOM included) and its version number in a header.
    var version;
    fetch(notice.dataset.report)
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        version = res.headers.get('KH164-Version');
        return res.text();
      })
      .then(function (text) { return JSON.parse(text.replace(/^\uFEFF/, '')); })
      .then(function (stored) { return form.ready.then(function () { return stored; }); })
      .then(function (stored) {
        var problem = form.setValue(stored);
        if (problem) throw new Error('the stored report does not fit the form');
        notice.querySelector('p').textContent = 'Đã điền mẫu từ bản ' + version + '. Sửa rồi gửi lại để tạo bản mới.';
        button.parentNode.remove();
      })
      .catch(function (err) {
        button.disabled = false;
        notice.querySelector('p').textContent = 'Không tải được bản đã gửi (' + err.message + '). Bạn vẫn có thể nhập và gửi báo cáo.';
      });
  });
})();
// After signing out: remove the account's drafts from this browser. The
// form keeps them under keys ending in the account's draft-key
// (kh164-draft:…:portal-a12), so another account's stay.
(function () {
  'use strict';
  var out = document.getElementById('signed-out');
  if (!out || !out.dataset.draftKey) return;
  var suffix = ':' + out.dataset.draftKey;
  try {
    for (var i = localStorage.length - 1; i >= 0; i--) {
      var key = localStorage.key(i);
      if (key && key.indexOf('kh164-draft:') === 0 && key.slice(-suffix.length) === suffix) localStorage.removeItem(key);
    }
  } catch (e) { /* storage disabled: there are no drafts */ }
})();
