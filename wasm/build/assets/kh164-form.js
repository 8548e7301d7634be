/*
 * kh164-form.js: the loader of the Plan 164/KH-UBND reporting form.
 *
 * One script tag gives the page:
 *   KH164Form.mount(element, options) -> handle
 *     options: body, period, lang ("vi" | "en"), validateOn ("submit" | "touch"),
 *              draftKey, action (URL to POST the report to), reportDate, base (URL of the kit)
 *     handle:  ready (Promise), value(), setValue(report), validate(), destroy()
 *   <kh164-report-form body period lang validate-on draft-key action report-date>
 *     with the same methods on the element.
 * Events (CustomEvent, on the element): ready, change, invalid, submit (cancelable;
 * detail: the report), error.
 *
 * The Go program (form.wasm, run by the toolchain's wasm_exec.js from the same
 * folder) renders and validates; this file only loads it and carries calls and
 * events. It sets text with textContent only and needs no eval: it works under
 * Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
 */
(function () {
  'use strict';
  if (window.KH164Form) {
    return;
  }

  var PROTOCOL = 1;
  var MAX_FILE = 1 << 20; // the checker's input limit
  var current = document.currentScript;
  var defaultBase = new URL('.', current && current.src ? current.src : location.href).href;

  var runtime = null; // Promise of the Go program's API, once started
  var memory = null; // its WebAssembly.Memory
  var stopped = null; // why the Go program stopped, once it has
  var live = new Set(); // mounted handles
  var seq = 0;

  var words = {
    vi: {
      loading: 'Đang tải biểu mẫu báo cáo…',
      failed: 'Không tải được biểu mẫu báo cáo.',
      crashed: 'Biểu mẫu báo cáo gặp lỗi và đã dừng.',
      kept: 'Những gì bạn đã nhập vẫn được lưu trên máy này. Tải lại trang để tiếp tục.',
      draft: 'Tải bản nháp xuống (tệp JSON)',
      detail: 'Chi tiết kỹ thuật: '
    },
    en: {
      loading: 'Loading the report form…',
      failed: 'The report form could not be loaded.',
      crashed: 'The report form has stopped after an error.',
      kept: 'What you typed is still saved on this computer. Reload the page to go on.',
      draft: 'Download the draft (JSON file)',
      detail: 'Technical detail: '
    }
  };

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // fetchModule fetches the module compressed from any server: the gzip copy
  // (url + '.gz'), decompressed here when the server sends the file as it is
  // (a plain static server) and by the browser when the server negotiates
  // Content-Encoding (build.Handler: brotli or gzip). The first bytes tell
  // which: gzip starts 1f 8b, WebAssembly 00 61 73 6d. The raw module is
  // fetched only when there is no copy (404, or something else served in
  // its place) or no DecompressionStream. It gives a Response of the
  // module's bytes; an HTTP error is an error.
  function fetchModule(url) {
    var opts = { credentials: 'same-origin' };
    function raw() {
      return fetch(url, opts).then(function (resp) {
        if (!resp.ok) {
          throw new Error('HTTP ' + resp.status + ' for ' + url);
        }
        return resp;
      });
    }
    if (typeof DecompressionStream !== 'function') {
      return raw();
    }
    return fetch(url + '.gz', opts).then(function (resp) {
      if (resp.status === 404) {
        return raw();
      }
      if (!resp.ok || !resp.body) {
        throw new Error('HTTP ' + resp.status + ' for ' + url + '.gz');
      }
      var reader = resp.body.getReader();
      return reader.read().then(function (first) {
        var head = first.value || new Uint8Array(0);
        var gzip = head[0] === 0x1f && head[1] === 0x8b;
        if (!gzip && !(head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d)) {
          reader.cancel(); // not the module (a page served for any path): ask for the raw one
          return raw();
        }
        var body = new ReadableStream({
          start: function (c) {
            if (head.length) { c.enqueue(head); }
            if (first.done) { c.close(); }
          },
          pull: function (c) {
            return reader.read().then(function (r) {
              if (r.done) { c.close(); } else { c.enqueue(r.value); }
            });
          },
          cancel: function (why) { return reader.cancel(why); }
        });
        if (gzip) {
          body = body.pipeThrough(new DecompressionStream('gzip'));
        }
        return new Response(body, { status: 200, headers: { 'Content-Type': 'application/wasm' } });
      });
    });
  }

  // instantiate streams the module; only a wrong MIME type falls back to
  // instantiate on the downloaded bytes.
  function instantiate(url, imports) {
    return fetchModule(url).then(function (resp) {
      var type = (resp.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
      if (type === 'application/wasm' && WebAssembly.instantiateStreaming) {
        return WebAssembly.instantiateStreaming(resp, imports);
      }
      return resp.arrayBuffer().then(function (bytes) {
        return WebAssembly.instantiate(bytes, imports);
      });
    });
  }

  function start(base) {
    if (runtime) {
      return runtime;
    }
    runtime = (window.Go ? Promise.resolve() : loadScript(base + 'wasm_exec.js')).then(function () {
      var go = new window.Go();
      var key = '__kh164FormInit' + Math.random().toString(36).slice(2);
      var started = new Promise(function (resolve) { window[key] = resolve; });
      go.argv = ['kh164-form', key];
      return instantiate(base + 'form.wasm', go.importObject).then(function (res) {
        memory = res.instance.exports.mem || null;
        go.run(res.instance).then(function () { stop('the form program exited'); }, stop);
        return Promise.race([started, new Promise(function (_, reject) {
          setTimeout(function () { reject(new Error('the form program did not start')); }, 30000);
        })]);
      }).then(function (api) {
        delete window[key];
        if (!api || api.version !== PROTOCOL) {
          throw new Error('form.wasm does not match kh164-form.js');
        }
        return api;
      }, function (err) {
        delete window[key];
        throw err;
      });
    });
    runtime.catch(function () { runtime = null; }); // a later mount tries again
    return runtime;
  }

  function stop(reason) {
    stopped = String(reason && reason.message || reason);
    live.forEach(function (h) { h._crash(stopped); });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function Handle(element, options) {
    if (!element || element.nodeType !== 1) {
      throw new TypeError('KH164Form.mount needs an element');
    }
    var o = options || {};
    this._el = element;
    this._lang = o.lang === 'en' ? 'en' : 'vi';
    this._opts = {
      body: String(o.body || ''), period: String(o.period || ''), lang: this._lang,
      validateOn: o.validateOn === 'touch' ? 'touch' : 'submit', draftKey: String(o.draftKey || ''),
      action: String(o.action || ''), reportDate: String(o.reportDate || ''), idPrefix: 'kh164-' + (++seq)
    };
    this._ctl = null;
    this._timer = 0;
    this._aborts = new Set();
    this._pending = [];
    this._destroyed = false;
    this._state(words[this._lang].loading, '', 'status');
    var self = this;
    this.ready = start(o.base || defaultBase).then(function (api) {
      if (self._destroyed) {
        return self;
      }
      var res = api.mount(element, JSON.stringify(self._opts), self._host());
      if (res && res.error) {
        throw new Error(res.error);
      }
      self._ctl = res;
      live.add(self);
      self._pending.forEach(function (f) { f(); });
      self._pending = [];
      self._emit('ready', { body: self._opts.body, period: self._opts.period });
      return self;
    }).catch(function (err) {
      if (!self._destroyed) {
        self._state(words[self._lang].failed, err, 'alert');
        self._emit('error', { phase: 'load', message: String(err && err.message || err) });
      }
      throw err;
    });
    this.ready.catch(function () {}); // reported through the error event
  }

  Handle.prototype._host = function () {
    var self = this;
    return {
      emit: function (type, detail) { return self._emit(type, JSON.parse(detail)); },
      later: function (ms) {
        clearTimeout(self._timer);
        self._timer = setTimeout(function () { self._call('tick'); }, ms);
      },
      post: function (url, body) {
        var ac = new AbortController();
        self._aborts.add(ac);
        fetch(url, {
          method: 'POST', body: body, credentials: 'same-origin', signal: ac.signal,
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }
        }).then(function (r) {
          return r.text().then(function (t) { self._call('answer', r.status, t); });
        }).catch(function (e) {
          if (!ac.signal.aborted) { self._call('answer', 0, String(e && e.message || e)); }
        }).finally(function () { self._aborts.delete(ac); });
      },
      readFile: function (file) {
        if (file.size > MAX_FILE) {
          setTimeout(function () { self._call('file-error', file.name, 'over 1 MiB / quá 1 MiB'); });
          return;
        }
        file.text().then(function (t) { self._call('file', file.name, t); },
          function (e) { self._call('file-error', file.name, String(e && e.message || e)); });
      },
      download: download,
      crashed: function (reason) { self._crash(reason); }
    };
  };

  Handle.prototype._call = function () {
    if (!this._ctl || this._destroyed) {
      return null;
    }
    try {
      return this._ctl.call.apply(null, arguments);
    } catch (err) {
      this._crash(err);
      return null;
    }
  };

  Handle.prototype._emit = function (type, detail) {
    var ev = new CustomEvent(type, { detail: detail, cancelable: type === 'submit' });
    return this._el.dispatchEvent(ev);
  };

  // _state shows a plain message (loading, failure) in place of the form.
  Handle.prototype._state = function (message, err, role) {
    var box = el('div', 'kh164-form kh164-state');
    box.lang = this._lang;
    var panel = el('div', role === 'alert' ? 'kh164-panel kh164-panel-error' : 'kh164-panel');
    panel.setAttribute('role', role);
    panel.appendChild(el('p', 'kh164-state-title', message));
    if (err) {
      var w = words[this._lang];
      panel.appendChild(el('p', '', w.kept));
      var key = this._ctl && this._ctl.draftKey;
      var draft = null;
      try { draft = key && localStorage.getItem(key); } catch (e) { draft = null; }
      if (draft) {
        var b = el('button', 'kh164-button kh164-button-secondary', w.draft);
        b.type = 'button';
        b.addEventListener('click', function () { download('ban-nhap-kh164.json', draft); });
        panel.appendChild(b);
      }
      panel.appendChild(el('p', 'kh164-hint', w.detail + String(err && err.message || err)));
    }
    box.appendChild(panel);
    this._el.replaceChildren(box);
  };

  Handle.prototype._crash = function (reason) {
    if (this._destroyed || this._crashed) {
      return;
    }
    this._crashed = true;
    live.delete(this);
    this._state(words[this._lang].crashed, reason, 'alert');
    this._ctl = null;
    this._emit('error', { phase: 'crash', message: String(reason && reason.message || reason) });
  };

  Handle.prototype.value = function () {
    var s = this._call('value');
    return s ? JSON.parse(s) : null;
  };

  Handle.prototype.setValue = function (report) {
    var json = typeof report === 'string' ? report : JSON.stringify(report);
    if (!this._ctl) {
      var self = this;
      this._pending.push(function () { self.setValue(json); });
      return null;
    }
    var s = this._call('setValue', json);
    return s ? JSON.parse(s) : null;
  };

  Handle.prototype.validate = function () {
    var s = this._call('validate');
    return s ? JSON.parse(s) : null;
  };

  Handle.prototype.destroy = function () {
    if (this._destroyed) {
      return;
    }
    this._call('destroy');
    this._destroyed = true;
    clearTimeout(this._timer);
    this._aborts.forEach(function (ac) { ac.abort(); });
    live.delete(this);
    this._ctl = null;
    this._el.replaceChildren();
  };

  var attrs = ['body', 'period', 'lang', 'validate-on', 'draft-key', 'action', 'report-date'];

  window.KH164Form = {
    mount: function (element, options) { return new Handle(element, options); },
    // diagnostics is for tests and monitoring: mounted forms and the size of
    // the Go program's memory.
    diagnostics: function () {
      return { forms: live.size, wasmMemoryBytes: memory ? memory.buffer.byteLength : 0, stopped: stopped };
    }
  };

  if (window.customElements && !customElements.get('kh164-report-form')) {
    customElements.define('kh164-report-form', class extends HTMLElement {
      static get observedAttributes() { return attrs; }
      connectedCallback() { this._mount(); }
      disconnectedCallback() {
        if (this._handle) {
          this._handle.destroy();
          this._handle = null;
        }
      }
      attributeChangedCallback() {
        if (this._handle) {
          this._handle.destroy();
          this._mount();
        }
      }
      _mount() {
        var a = this.getAttribute.bind(this);
        this._handle = window.KH164Form.mount(this, {
          body: a('body'), period: a('period'), lang: a('lang'), validateOn: a('validate-on'),
          draftKey: a('draft-key'), action: a('action'), reportDate: a('report-date')
        });
      }
      get ready() { return this._handle ? this._handle.ready : Promise.reject(new Error('not connected')); }
      value() { return this._handle ? this._handle.value() : null; }
      setValue(report) { return this._handle ? this._handle.setValue(report) : null; }
      validate() { return this._handle ? this._handle.validate() : null; }
    });
  }
})();
