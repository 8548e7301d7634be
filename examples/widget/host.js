// host.js: what a portal page may do with the form's events. Everything
// else (rendering, validation, drafts, sending to the action URL) is the
// form's own. Served as a file, so the page keeps a strict CSP.
(function () {
  'use strict';
  var form = document.getElementById('report');
  var status = document.getElementById('status');
  form.addEventListener('ready', function () {
    status.textContent = '';
  });
  form.addEventListener('invalid', function (e) {
    status.textContent = 'Còn ' + e.detail.errors.length + ' lỗi cần sửa.';
  });
  form.addEventListener('submit', function (e) {
    // e.detail is the report (the same JSON the form POSTs to its action);
    // e.preventDefault() here would stop the POST.
    status.textContent = 'Đang gửi báo cáo của ' + e.detail.body + '…';
  });
  form.addEventListener('error', function (e) {
    status.textContent = 'Biểu mẫu gặp lỗi: ' + e.detail.message;
  });
})();
