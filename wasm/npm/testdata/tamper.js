// The report is altered on its way to the server (as a stale or tampered
// client would send it), so that the server, not the form, finds the
// problems: the form must put the server's messages on the fields.
(function () {
  var send = window.fetch;
  window.fetch = function (url, init) {
    if (init && init.method === 'POST' && typeof init.body === 'string') {
      var r = JSON.parse(init.body);
      r.preparedBy.phone = '12345';
      r.preparedBy.email = 'not-an-email';
      init = Object.assign({}, init, { body: JSON.stringify(r) });
    }
    return send.call(this, url, init);
  };
})();
