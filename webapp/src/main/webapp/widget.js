/*
 * Deskbridge chat widget. Embed on any page of the tenant's site:
 *   <script src="https://deskbridge.example/widget.js" data-tenant="acme"></script>
 * Plain script, no build step, no dependencies. It talks to the server it was loaded from, through the
 * public widget API only: the page holds a visitor token (localStorage), never a staff credential.
 * Files agents send are fetched with the token in a header and shown from blob URLs, so the token never
 * appears in a URL (history, logs, Referer).
 * Optional attributes: data-lang="ru|en" (else the page's lang, else the browser's language).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__deskbridgeWidget) return;
  window.__deskbridgeWidget = true;

  var tenant = script.getAttribute('data-tenant');
  if (!tenant) {
    console.warn('Deskbridge widget: add data-tenant="<your workspace>" to the script tag.');
    return;
  }
  var server = new URL(script.src, location.href).origin;
  var api = server + '/api/v1/widget/' + encodeURIComponent(tenant);
  var storageKey = 'deskbridge.widget.' + server + '.' + tenant;
  var POLL_OPEN_MS = 2000;
  var POLL_CLOSED_MS = 10000;
  var MAX_TEXT = 4000;

  var TEXTS = {
    en: {
      launcher: 'Chat with us', title: 'Chat with us', close: 'Close the chat',
      greeting: 'Hello! Ask us anything, we usually answer within minutes.',
      name: 'Your name', email: 'Email (optional)', text: 'Type a message…', send: 'Send',
      you: 'You', support: 'Support', sending: 'sending…',
      needName: 'Please tell us your name.', badEmail: 'Please check the email address.', tooLong: 'The message is too long (at most 4000 characters).',
      tooFast: 'You are writing too fast. Please try again in {s} s.',
      failed: 'Not sent. Check your connection and try again.',
      off: 'The chat is not available right now.',
      fileFailed: 'The file could not be downloaded. Please try again.',
      units: ['B', 'KB', 'MB']
    },
    ru: {
      launcher: 'Напишите нам', title: 'Напишите нам', close: 'Закрыть чат',
      greeting: 'Здравствуйте! Задайте вопрос, обычно мы отвечаем за несколько минут.',
      name: 'Ваше имя', email: 'Email (необязательно)', text: 'Напишите сообщение…', send: 'Отправить',
      you: 'Вы', support: 'Поддержка', sending: 'отправляется…',
      needName: 'Пожалуйста, представьтесь.', badEmail: 'Проверьте адрес почты.', tooLong: 'Сообщение слишком длинное (не больше 4000 символов).',
      tooFast: 'Вы пишете слишком часто. Попробуйте ещё раз через {s} с.',
      failed: 'Не отправлено. Проверьте подключение и попробуйте ещё раз.',
      off: 'Чат сейчас недоступен.',
      fileFailed: 'Не удалось скачать файл. Попробуйте ещё раз.',
      units: ['Б', 'КБ', 'МБ']
    }
  };
  var lang = pickLanguage();
  var t = TEXTS[lang];

  var state = load();
  var messages = {};   // server id -> line, as the server answered
  var pending = [];    // sends not yet confirmed: {clientId, text, messageId}
  var cursor = null;
  var pollTimer = null;
  var seenCount = 0;
  var files = {};      // attachment id -> promise of its blob URL, fetched once per page
  var fileUrls = {};   // attachment id -> blob URL, once fetched
  var PREVIEWS = /^image\/(png|jpeg|gif|webp)$/;

  function pickLanguage() {
    var tag = script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en';
    return tag.toLowerCase().indexOf('ru') === 0 ? 'ru' : 'en';
  }

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storageKey)) || {};
    } catch (e) {
      return {};
    }
  }

  function save() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) {
      // private mode or a full storage: the chat still works until the page is left
    }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // Scoped under #deskbridge-widget so the host page's styles and ours do not mix.
  var CSS = [
    '#deskbridge-widget{all:initial;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733}',
    '#deskbridge-widget *{box-sizing:border-box;font:inherit}',
    '#deskbridge-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;',
    'padding:14px 20px;background:#0b5cad;color:#fff;font-weight:600;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.25)}',
    '#deskbridge-launcher .dbw-badge{display:inline-block;min-width:1.4em;margin-left:.5em;padding:0 .35em;',
    'border-radius:1em;background:#fff;color:#0b5cad;text-align:center}',
    '#deskbridge-panel{position:fixed;right:20px;bottom:20px;z-index:2147483001;width:370px;height:560px;',
    'max-height:calc(100vh - 40px);display:flex;flex-direction:column;background:#fff;border-radius:12px;',
    'box-shadow:0 8px 32px rgba(0,0,0,.3);overflow:hidden}',
    '#deskbridge-panel[hidden],#deskbridge-launcher[hidden]{display:none}',
    '@media (max-width:480px){#deskbridge-panel{right:0;bottom:0;width:100%;height:100%;max-height:none;border-radius:0}}',
    '#deskbridge-panel header{display:flex;align-items:center;gap:.5rem;padding:12px 14px;background:#0b5cad;color:#fff}',
    '#deskbridge-panel header strong{flex:1;font-weight:600}',
    '#deskbridge-panel header button{border:0;background:none;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:4px 8px}',
    '#deskbridge-panel .dbw-lines{flex:1;overflow-y:auto;padding:12px;background:#f3f5f8;display:flex;flex-direction:column;gap:8px}',
    '#deskbridge-panel .dbw-line{max-width:85%;padding:8px 10px;border-radius:10px;background:#fff;',
    'border:1px solid #d8dee6;white-space:pre-wrap;overflow-wrap:anywhere}',
    '#deskbridge-panel .dbw-line.dbw-mine{align-self:flex-end;background:#dcebfb;border-color:#b8d3f0}',
    '#deskbridge-panel .dbw-line.dbw-pending{opacity:.6}',
    '#deskbridge-panel .dbw-author{display:block;font-size:12px;color:#5b6b7c;margin-bottom:2px}',
    '#deskbridge-panel .dbw-files{display:flex;flex-direction:column;gap:6px;margin-top:6px;white-space:normal}',
    '#deskbridge-panel .dbw-file{display:flex;flex-direction:column;gap:4px;margin:0}',
    '#deskbridge-panel .dbw-preview{display:block;align-self:flex-start;max-width:100%;max-height:160px;width:auto;height:auto;',
    'object-fit:contain;border-radius:6px;border:1px solid #d8dee6;background:#f3f5f8}',
    '#deskbridge-panel .dbw-attachment{color:#0b5cad;text-decoration:underline;cursor:pointer;overflow-wrap:anywhere}',
    '#deskbridge-panel .dbw-greeting{color:#5b6b7c;text-align:center;font-size:14px;padding:8px}',
    '#deskbridge-panel form{display:grid;gap:6px;padding:10px;border-top:1px solid #d8dee6;background:#fff}',
    '#deskbridge-panel input,#deskbridge-panel textarea{width:100%;border:1px solid #d8dee6;border-radius:6px;',
    'padding:8px;color:#1d2733;background:#fff;font-size:16px}',
    '#deskbridge-panel textarea{resize:none;height:64px}',
    '#deskbridge-panel .dbw-row{display:flex;gap:6px;align-items:flex-end}',
    '#deskbridge-panel .dbw-send{border:0;border-radius:6px;padding:10px 14px;background:#0b5cad;color:#fff;font-weight:600;cursor:pointer}',
    '#deskbridge-panel .dbw-send:disabled{opacity:.55}',
    '#deskbridge-panel .dbw-error{color:#b3261e;font-size:13px;margin:0}',
    '#deskbridge-panel .dbw-error:empty{display:none}'
  ].join('');

  var lines = el('div', { 'class': 'dbw-lines', 'aria-live': 'polite' });
  var nameInput = el('input', { name: 'dbw-name', autocomplete: 'name', maxlength: '200', placeholder: t.name, 'aria-label': t.name });
  var emailInput = el('input', { name: 'dbw-email', type: 'email', autocomplete: 'email', maxlength: '254', placeholder: t.email, 'aria-label': t.email });
  var identity = el('div', { 'class': 'dbw-identity' }, [nameInput, emailInput]);
  identity.style.display = 'grid';
  identity.style.gap = '6px';
  var textInput = el('textarea', { name: 'dbw-text', maxlength: String(MAX_TEXT), placeholder: t.text, 'aria-label': t.text });
  var sendButton = el('button', { type: 'submit', 'class': 'dbw-send', text: t.send });
  var error = el('p', { 'class': 'dbw-error', role: 'alert' });
  var form = el('form', {}, [identity, el('div', { 'class': 'dbw-row' }, [textInput, sendButton]), error]);
  var closeButton = el('button', { type: 'button', 'class': 'dbw-close', 'aria-label': t.close, text: '×' });
  var title = el('strong', { text: t.title });
  var panel = el('section', { id: 'deskbridge-panel', role: 'dialog', 'aria-label': t.title },
    [el('header', {}, [title, closeButton]), lines, form]);
  var badge = el('span', { 'class': 'dbw-badge' });
  var launcher = el('button', { id: 'deskbridge-launcher', type: 'button', text: t.launcher });
  var root = el('div', { id: 'deskbridge-widget', lang: lang }, [el('style', { text: CSS }), launcher, panel]);

  var phone = window.matchMedia('(max-width: 480px)');
  var pageOverflow = null;

  // On a phone the panel covers the page; the page must not scroll (or show its scrollbar) beneath it.
  function holdPage(open) {
    var html = document.documentElement;
    if (open && phone.matches && pageOverflow === null) {
      pageOverflow = html.style.overflow;
      html.style.overflow = 'hidden';
    } else if (!open && pageOverflow !== null) {
      html.style.overflow = pageOverflow;
      pageOverflow = null;
    }
  }

  function setOpen(open) {
    state.open = open;
    save();
    panel.hidden = !open;
    launcher.hidden = open;
    holdPage(open);
    if (open) {
      seenCount = Object.keys(messages).length;
      render();
      (state.name ? textInput : nameInput).focus();
    }
    schedulePoll(0);
  }

  function render() {
    identity.hidden = !!state.name;
    identity.style.display = state.name ? 'none' : 'grid';
    var sorted = Object.keys(messages).map(function (id) { return messages[id]; }).sort(function (a, b) {
      return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;
    });
    var nodes = [el('div', { 'class': 'dbw-greeting', text: t.greeting })];
    sorted.forEach(function (m) {
      var mine = m.authorType === 'CUSTOMER';
      var author = mine ? t.you : (m.authorName || t.support);
      var parts = [el('span', { 'class': 'dbw-author', text: author }), document.createTextNode(m.text || '')];
      if (m.attachments && m.attachments.length) {
        parts.push(el('div', { 'class': 'dbw-files' }, m.attachments.map(attachment)));
      }
      nodes.push(el('div', { 'class': 'dbw-line ' + (mine ? 'dbw-mine' : 'dbw-agent'), 'data-id': String(m.id) }, parts));
    });
    pending.forEach(function (p) {
      if (p.messageId && messages[p.messageId]) return;
      nodes.push(el('div', { 'class': 'dbw-line dbw-mine dbw-pending' },
        [el('span', { 'class': 'dbw-author', text: t.you + ' · ' + t.sending }), document.createTextNode(p.text)]));
    });
    var atBottom = lines.scrollHeight - lines.scrollTop - lines.clientHeight < 40;
    lines.replaceChildren.apply(lines, nodes);
    if (atBottom || pending.length) lines.scrollTop = lines.scrollHeight;
    var unread = Object.keys(messages).length - seenCount;
    if (!state.open && unread > 0) {
      badge.textContent = String(unread);
      launcher.replaceChildren(document.createTextNode(t.launcher), badge);
    } else {
      launcher.replaceChildren(document.createTextNode(t.launcher));
    }
  }

  function size(bytes) {
    if (bytes < 1024) return bytes + ' ' + t.units[0];
    if (bytes < 1048576) return Math.ceil(bytes / 1024) + ' ' + t.units[1];
    return (bytes / 1048576).toFixed(1) + ' ' + t.units[2];
  }

  // The pass goes in the header, as for every other call; the file becomes a blob URL of this page.
  function fileUrl(a) {
    if (!files[a.id]) {
      files[a.id] = fetch(api + '/attachments/' + encodeURIComponent(a.id), {
        headers: { 'X-Visitor-Token': state.token || '' }, credentials: 'omit'
      }).then(function (response) {
        if (!response.ok) throw response;
        return response.blob();
      }).then(function (blob) {
        fileUrls[a.id] = URL.createObjectURL(blob);
        return fileUrls[a.id];
      });
      files[a.id].catch(function () { delete files[a.id]; });
    }
    return files[a.id];
  }

  function attachment(a) {
    var link = el('a', { 'class': 'dbw-attachment', href: fileUrls[a.id] || '#', download: a.name,
      'data-attachment': String(a.id), text: a.name + ' (' + size(a.size) + ')' });
    if (fileUrls[a.id]) link.setAttribute('data-ready', 'true');
    link.addEventListener('click', function (event) {
      if (link.getAttribute('data-ready')) return;
      event.preventDefault();
      error.textContent = '';
      fileUrl(a).then(function (url) {
        link.href = url;
        link.setAttribute('data-ready', 'true');
        link.click();
      }, function () {
        error.textContent = t.fileFailed;
      });
    });
    if (!PREVIEWS.test(a.contentType || '')) return link;
    var preview = el('img', { 'class': 'dbw-preview', alt: a.name });
    if (fileUrls[a.id]) preview.src = fileUrls[a.id];
    else fileUrl(a).then(function (url) { preview.src = url; }, function () { preview.remove(); });
    return el('figure', { 'class': 'dbw-file' }, [preview, link]);
  }

  function request(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (state.token) headers['X-Visitor-Token'] = state.token;
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: 'omit' })
      .then(function (response) {
        return response.text().then(function (raw) {
          var json = null;
          try { json = raw ? JSON.parse(raw) : null; } catch (e) { json = null; }
          return { status: response.status, json: json, retryAfter: response.headers.get('Retry-After') };
        });
      });
  }

  function ensureVisitor() {
    if (state.token) return Promise.resolve();
    return request('POST', '/visitors').then(function (r) {
      if (r.status !== 201) throw r;
      state.token = r.json.token;
      save();
    });
  }

  function deliver(item, attempt) {
    return ensureVisitor().then(function () {
      return request('POST', '/messages', {
        clientMessageId: item.clientId, name: state.name, email: state.email || null, language: lang, text: item.text
      });
    }).then(function (r) {
      if (r.status === 200 || r.status === 201) {
        item.messageId = r.json.messageId;
        return;
      }
      if (r.status === 401 && attempt === 1) {
        // The server no longer knows this pass (its key changed): start a new visit once.
        state.token = null;
        save();
        return deliver(item, 2);
      }
      throw r;
    }, function (failure) {
      // A lost answer: send again with the same client id, which the server stores only once.
      if (failure && failure.status) throw failure;
      if (attempt < 3) {
        return new Promise(function (resolve) { setTimeout(resolve, 1000 * attempt); })
          .then(function () { return deliver(item, attempt + 1); });
      }
      throw failure;
    });
  }

  function refused(r, field) {
    return r && r.status === 400 && r.json && (r.json.errors || []).some(function (e) { return e.field === field; });
  }

  function explain(r) {
    if (r && r.status === 429) return t.tooFast.replace('{s}', r.retryAfter || '60');
    if (r && r.status === 403) return t.off;
    if (refused(r, 'name') || refused(r, 'email')) {
      // Ask again: the remembered name or email is what the server refused.
      state.name = null;
      state.email = null;
      save();
      return refused(r, 'name') ? t.needName : t.badEmail;
    }
    if (r && (r.status === 400 || r.status === 413) && r.json && (r.json.errors || [{ field: 'text' }]).some(function (e) { return e.field === 'text'; })) return t.tooLong;
    return t.failed;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.textContent = '';
    var text = textInput.value.trim();
    if (!text) return;
    if (!state.name) {
      var name = nameInput.value.trim();
      if (!name) {
        error.textContent = t.needName;
        nameInput.focus();
        return;
      }
      state.name = name;
      state.email = emailInput.value.trim() || null;
      save();
    }
    if (text.length > MAX_TEXT) {
      error.textContent = t.tooLong;
      return;
    }
    var item = { clientId: randomId(), text: text, messageId: null };
    pending.push(item);
    textInput.value = '';
    sendButton.disabled = true;
    render();
    deliver(item, 1).then(function () {
      schedulePoll(0);
    }, function (failure) {
      pending.splice(pending.indexOf(item), 1);
      textInput.value = text;
      error.textContent = explain(failure);
      render();
    }).then(function () {
      sendButton.disabled = false;
      textInput.focus();
    });
  });

  textInput.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : sendButton.click();
    }
  });
  launcher.addEventListener('click', function () { setOpen(true); });
  closeButton.addEventListener('click', function () { setOpen(false); });

  function poll() {
    pollTimer = null;
    if (!state.token) return;
    request('GET', '/messages' + (cursor ? '?cursor=' + encodeURIComponent(cursor) : '')).then(function (r) {
      if (r.status === 200) {
        var changed = false;
        r.json.items.forEach(function (m) {
          if (!messages[m.id]) {
            messages[m.id] = m;
            changed = true;
          }
        });
        cursor = r.json.cursor || cursor;
        var before = pending.length;
        pending = pending.filter(function (p) { return !(p.messageId && messages[p.messageId]); });
        if (state.open) seenCount = Object.keys(messages).length;
        if (changed || before !== pending.length) render();
        schedulePoll(null);
      } else if (r.status === 401) {
        state.token = null;
        save();
      } else {
        schedulePoll(r.status === 429 ? 1000 * Number(r.retryAfter || 30) : null);
      }
    }, function () {
      schedulePoll(null);
    });
  }

  function schedulePoll(delay) {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, delay === null ? (state.open ? POLL_OPEN_MS : POLL_CLOSED_MS) : delay);
  }

  function start() {
    request('GET', '').then(function (r) {
      if (r.status !== 200) {
        console.warn('Deskbridge widget: the chat is not available for "' + tenant + '" (' + r.status + ').');
        return;
      }
      document.body.appendChild(root);
      setOpen(!!state.open);
    }, function () {
      console.warn('Deskbridge widget: cannot reach ' + server + '.');
    });
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
