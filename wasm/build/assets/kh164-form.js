/*
 * kh164-form.js: the loader of the Plan 164/KH-UBND reporting form.
 *
 * One script tag gives the page:
 *   KH164Form.mount(element, options) -> handle
 *     options: body, period, lang ("vi" | "en"), validateOn ("submit" | "touch"),
 *              draftKey, action (URL to POST the report to), reportDate, base (URL of the kit)
 *     handle:  ready (Promise), value(), setValue(report), validate(), destroy()
 *   <kh164-report-form body period lang validate-on draft-key action report-date heading>
 *     with the same methods on the element; a form the server rendered inside
 *     (wasm/build.WriteElement) is used at once and taken over by the module.
 * Events (CustomEvent, on the element): ready, change, invalid, submit (cancelable;
 * detail: the report), sent (detail: {status, answer}), error.
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

  // PROTOCOL is the protocol between this loader and the program, declared
  // in Go (wasm/internal/form/protocol.go) and written here by go generate.
  /*KH164_PROTOCOL*/var PROTOCOL = { version: 1, maxFileBytes: 1048576, commands: { value: "value", setValue: "setValue", validate: "validate", tick: "tick", answer: "answer", file: "file", fileError: "file-error", destroy: "destroy" } };/*KH164_PROTOCOL_END*/
  var CMD = PROTOCOL.commands;
  // KIT names the files the loader fetches: the plain names, which any
  // static server serves; build.Dist writes the module's size here (the
  // marked line), for the progress bar. A page that links the kit by
  // content-hashed name (build.Manifest.Head) names the hashed module and
  // support script on the script element (data-kh164-wasm,
  // data-kh164-exec), which build.Handler serves as immutable.
  var KIT = /*KH164_KIT*/{ wasm: 'form.wasm', exec: 'wasm_exec.js', size: 0 }/*KH164_KIT_END*/;
  var current = document.currentScript;
  if (current && current.dataset && current.dataset.kh164Wasm) {
    KIT.wasm = current.dataset.kh164Wasm;
    KIT.exec = current.dataset.kh164Exec || KIT.exec;
    KIT.negotiated = true;
  }
  var defaultBase = new URL('.', current && current.src ? current.src : location.href).href;

  var runtime = null; // Promise of the Go program's API, once started
  var progress = { loaded: 0, total: KIT.size, done: false }; // the module's download
  var titled = new Map(); // handles showing errors → their count, for the page title
  var baseTitle = null;
  var memory = null; // its WebAssembly.Memory
  var stopped = null; // why the Go program stopped, once it has
  var live = new Set(); // mounted handles
  var pending = new Set(); // handles waiting for the module
  var seq = 0;

  var words = {
    vi: {
      loading: 'Đang tải biểu mẫu báo cáo…',
      later: 'Báo cáo sẽ được kiểm tra ngay khi phần kiểm tra tải xong.',
      typed: 'Những gì bạn đã nhập vẫn còn trên trang. Tải lại trang để thử lại; nên sao chép các đoạn văn dài trước.',
      failed: 'Không tải được biểu mẫu báo cáo.',
      crashed: 'Biểu mẫu báo cáo gặp lỗi và đã dừng.',
      kept: 'Những gì bạn đã nhập vẫn được lưu trên máy này. Tải lại trang để tiếp tục.',
      draft: 'Tải bản nháp xuống (tệp JSON)',
      detail: 'Chi tiết kỹ thuật: '
    },
    en: {
      loading: 'Loading the report form…',
      later: 'The report will be checked as soon as the checks have loaded.',
      typed: 'What you typed is still on the page. Reload the page to try again; copy long texts first.',
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

  // fetchNegotiated fetches the module by its hashed name from a server
  // that negotiates Content-Encoding (build.Handler, which the page's
  // script element says by naming the hashed files): the browser's own
  // response goes to the streaming compiler, so Chromium can keep the
  // compiled code. An HTTP error is an error.
  function fetchNegotiated(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (resp) {
      if (!resp.ok) {
        throw new Error('HTTP ' + resp.status + ' for ' + url);
      }
      return resp;
    });
  }

  // track counts the bytes of the module as they arrive, on a clone of the
  // response, for the progress bars; the response itself goes to the
  // streaming compiler untouched.
  function track(resp) {
    var total = KIT.size || Number(resp.headers.get('Content-Length')) || 0;
    progress.total = total;
    var body = resp.clone().body;
    if (!body || !body.getReader) {
      return;
    }
    var reader = body.getReader();
    (function pump() {
      reader.read().then(function (r) {
        if (r.done) {
          progress.done = true;
        } else {
          progress.loaded += r.value.byteLength;
        }
        live.forEach(function (h) { h._progress(); });
        pending.forEach(function (h) { h._progress(); });
        if (!r.done) { pump(); }
      }, function () {});
    })();
  }

  // compile compiles the module as it downloads (compileStreaming, so
  // that Chromium keeps the compiled code in its cache for the next visit);
  // only a wrong MIME type falls back to compiling the downloaded bytes.
  function compile(url) {
    return (KIT.negotiated ? fetchNegotiated : fetchModule)(url).then(function (resp) {
      track(resp);
      var type = (resp.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
      if (type === 'application/wasm' && WebAssembly.compileStreaming) {
        return WebAssembly.compileStreaming(resp);
      }
      return resp.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  function start(base) {
    if (runtime) {
      return runtime;
    }
    // The module downloads and compiles while wasm_exec.js loads: the two
    // requests run side by side.
    mark('start');
    var module = compile(base + KIT.wasm).then(function (m) { mark('compiled'); return m; });
    var support = window.Go ? Promise.resolve() : loadScript(base + KIT.exec);
    runtime = Promise.all([module, support]).then(function (res) {
      var go = new window.Go();
      var key = '__kh164FormInit' + Math.random().toString(36).slice(2);
      var started = new Promise(function (resolve) { window[key] = resolve; });
      go.argv = ['kh164-form', key];
      return WebAssembly.instantiate(res[0], go.importObject).then(function (instance) {
        mark('instantiated');
        memory = instance.exports.mem || null;
        go.run(instance).then(function () { stop('the form program exited'); }, stop);
        return Promise.race([started, new Promise(function (_, reject) {
          setTimeout(function () { reject(new Error('the form program did not start')); }, 30000);
        })]);
      }).then(function (api) {
        mark('started');
        delete window[key];
        if (!api || api.version !== PROTOCOL.version) {
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

  // mark records a step of the start-up (kh164:start, kh164:compiled,
  // kh164:instantiated, kh164:started) for performance tools.
  function mark(name) {
    if (window.performance && performance.mark) {
      performance.mark('kh164:' + name);
    }
  }

  // retitle prefixes the page title with "Lỗi: " while a form shows errors
  // (GOV.UK's pattern), and restores it when none does.
  function retitle(handle, n) {
    if (n > 0) {
      titled.set(handle, n);
    } else {
      titled.delete(handle);
    }
    var prefix = handle._lang === 'en' ? 'Error: ' : 'Lỗi: ';
    if (titled.size > 0) {
      if (baseTitle === null) {
        baseTitle = document.title;
      }
      document.title = prefix + baseTitle;
    } else if (baseTitle !== null) {
      document.title = baseTitle;
      baseTitle = null;
    }
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
    // A form the server rendered into the element is kept: the person may
    // already be typing in it. The module takes it over when it arrives.
    var ssr = element.querySelector('form.kh164-form[data-kh164-ssr]');
    this._opts = {
      body: String(o.body || ''), period: String(o.period || ''), lang: this._lang,
      validateOn: o.validateOn === 'touch' ? 'touch' : 'submit', draftKey: String(o.draftKey || ''),
      action: String(o.action || ''), reportDate: String(o.reportDate || ''),
      idPrefix: ssr && ssr.id ? ssr.id : 'kh164-' + (++seq), heading: o.heading === 'h1' ? 'h1' : 'h2', adopt: !!ssr
    };
    this._ctl = null;
    this._ssr = ssr;
    this._timer = 0;
    this._aborts = new Set();
    this._pending = [];
    this._destroyed = false;
    var self = this;
    if (ssr) {
      // Until the module is ready, "check" is kept for later instead of
      // submitting the page (which would send what was typed in the URL).
      this._early = function (ev) {
        ev.preventDefault();
        self._submitLater = true;
        self._progress();
      };
      ssr.addEventListener('submit', this._early);
    } else {
      this._state(words[this._lang].loading, '', 'status');
    }
    pending.add(this);
    this._progress();
    this.ready = start(o.base || defaultBase).then(function (api) {
      pending.delete(self);
      if (self._destroyed) {
        return self;
      }
      if (self._early) {
        ssr.removeEventListener('submit', self._early);
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
      if (self._submitLater) {
        var f = element.querySelector('form.kh164-form');
        if (f && f.requestSubmit) { f.requestSubmit(); }
      }
      return self;
    }).catch(function (err) {
      pending.delete(self);
      if (!self._destroyed) {
        if (self._ssr && self._ssr.isConnected) {
          self._ssrFailed(err); // keep the form and what was typed in it
        } else {
          self._state(words[self._lang].failed, err, 'alert');
        }
        self._emit('error', { phase: 'load', message: String(err && err.message || err) });
      }
      throw err;
    });
    this.ready.catch(function () {}); // reported through the error event
  }

  // _progress shows how much of the module has arrived, in the loading
  // state or in the status slot of a server-rendered form.
  Handle.prototype._progress = function () {
    if (this._ctl || this._destroyed) {
      return;
    }
    var bar = this._el.querySelector('progress');
    if (bar && progress.total > 0) {
      bar.max = progress.total;
      bar.value = Math.min(progress.loaded, progress.total);
      bar.textContent = Math.round(100 * bar.value / bar.max) + '%';
    }
    if (this._submitLater && this._ssr) {
      var hint = this._ssr.querySelector('.kh164-progress .kh164-hint');
      if (hint) { hint.textContent = words[this._lang].later; }
    }
  };

  // _ssrFailed says in a server-rendered form's status slot that the
  // checks could not load; the form and what was typed stay.
  Handle.prototype._ssrFailed = function (err) {
    var slot = this._ssr.querySelector('.kh164-progress');
    if (!slot) {
      return;
    }
    var w = words[this._lang];
    slot.setAttribute('role', 'alert');
    slot.replaceChildren(el('p', 'kh164-state-title', w.failed), el('p', '', w.typed),
      el('p', 'kh164-hint', w.detail + String(err && err.message || err)));
  };

  Handle.prototype._host = function () {
    var self = this;
    return {
      emit: function (type, detail) { return self._emit(type, JSON.parse(detail)); },
      later: function (ms) {
        clearTimeout(self._timer);
        self._timer = setTimeout(function () { self._call(CMD.tick); }, ms);
      },
      post: function (url, body) {
        var ac = new AbortController();
        self._aborts.add(ac);
        fetch(url, {
          method: 'POST', body: body, credentials: 'same-origin', signal: ac.signal,
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }
        }).then(function (r) {
          return r.text().then(function (t) { self._call(CMD.answer, r.status, t); });
        }).catch(function (e) {
          if (!ac.signal.aborted) { self._call(CMD.answer, 0, String(e && e.message || e)); }
        }).finally(function () { self._aborts.delete(ac); });
      },
      readFile: function (file) {
        // Of a file over the limit only one byte more is read: the checker
        // says it is too large, in its own words.
        var over = file.size > PROTOCOL.maxFileBytes;
        (over ? file.slice(0, PROTOCOL.maxFileBytes + 1) : file).text().then(function (t) {
          self._call(CMD.file, file.name, t, over ? file.size : -1);
        }, function (e) { self._call(CMD.fileError, file.name, String(e && e.message || e)); });
      },
      download: download,
      errors: function (n) { retitle(self, n); },
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
    if (!err) {
      var bar = el('progress', 'kh164-progress-bar');
      bar.setAttribute('aria-label', message);
      panel.appendChild(bar);
    }
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
    retitle(this, 0);
    this._state(words[this._lang].crashed, reason, 'alert');
    this._ctl = null;
    this._emit('error', { phase: 'crash', message: String(reason && reason.message || reason) });
  };

  Handle.prototype.value = function () {
    var s = this._call(CMD.value);
    return s ? JSON.parse(s) : null;
  };

  Handle.prototype.setValue = function (report) {
    var json = typeof report === 'string' ? report : JSON.stringify(report);
    if (!this._ctl) {
      var self = this;
      this._pending.push(function () { self.setValue(json); });
      return null;
    }
    var s = this._call(CMD.setValue, json);
    return s ? JSON.parse(s) : null;
  };

  Handle.prototype.validate = function () {
    var s = this._call(CMD.validate);
    return s ? JSON.parse(s) : null;
  };

  Handle.prototype.destroy = function () {
    if (this._destroyed) {
      return;
    }
    this._call(CMD.destroy);
    this._destroyed = true;
    clearTimeout(this._timer);
    this._aborts.forEach(function (ac) { ac.abort(); });
    live.delete(this);
    pending.delete(this);
    retitle(this, 0);
    this._ctl = null;
    this._el.replaceChildren();
  };

  var attrs = ['body', 'period', 'lang', 'validate-on', 'draft-key', 'action', 'report-date', 'heading'];

  window.KH164Form = {
    mount: function (element, options) { return new Handle(element, options); },
    // diagnostics is for tests and monitoring: mounted forms and the size of
    // the Go program's memory.
    diagnostics: function () {
      return { forms: live.size, wasmMemoryBytes: memory ? memory.buffer.byteLength : 0, stopped: stopped };
    }
  };

  // A page that links the kit by hashed name (build.Manifest.Head) loads
  // this script async and wants the form: the module's download and
  // compilation start now, from this script's own fetch, with no preload.
  // (Chromium gives a preloaded response that fetch() picks up later no
  // code cache: the compiled module would never be reused.)
  if (KIT.negotiated) {
    start(defaultBase).catch(function () {}); // a mount reports it
  }

  // The element is defined once the document is parsed: an async script
  // may run before the server-rendered form inside the element has been
  // parsed, and the element must find it whole.
  function define() {
    if (window.customElements && !customElements.get('kh164-report-form')) {
      defineElement();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', define);
  } else {
    define();
  }

  function defineElement() {
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
          draftKey: a('draft-key'), action: a('action'), reportDate: a('report-date'), heading: a('heading')
        });
      }
      get ready() { return this._handle ? this._handle.ready : Promise.reject(new Error('not connected')); }
      value() { return this._handle ? this._handle.value() : null; }
      setValue(report) { return this._handle ? this._handle.setValue(report) : null; }
      validate() { return this._handle ? this._handle.validate() : null; }
    });
  }
})();
