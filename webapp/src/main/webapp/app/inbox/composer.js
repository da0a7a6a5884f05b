// The reply box. Reply and Internal note are two clearly different modes: in note mode the whole box
// turns amber and the button says "Add internal note", so nobody sends a note to a customer by habit.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { readAttachments } from './attachments.js';

const TYPING_EVERY_MS = 2000;

export function renderComposer(view) {
  let mode = 'PUBLIC';
  let savedReplyId = null;
  let lastTypingSent = 0;
  const text = h('textarea', { id: 'composer-text', name: 'text', rows: 3 });
  const send = h('button', { type: 'submit', class: 'primary', id: 'composer-send' });
  const files = h('input', { type: 'file', multiple: true, id: 'composer-files', 'aria-label': t('conv.attach') });
  const picker = h('ul', { class: 'saved-replies', id: 'saved-replies', role: 'listbox', 'aria-label': t('conv.savedReplies'), hidden: true });
  const warning = h('p', { class: 'colleague-replied', id: 'colleague-replied', role: 'alert', hidden: true }, t('conv.colleagueReplied'));
  const modeButton = (value, label, id) => h('button', { type: 'button', role: 'radio', id, onclick: () => setMode(value) }, t(label));
  const replyMode = modeButton('PUBLIC', 'conv.modeReply', 'mode-reply');
  const noteMode = modeButton('INTERNAL', 'conv.modeNote', 'mode-note');
  const form = h('form', { class: 'composer', id: 'composer' },
    h('div', { class: 'mode-switch', role: 'radiogroup' }, replyMode, noteMode), warning, picker, text,
    h('div', { class: 'composer-bar' }, files, send));

  function setMode(value) {
    mode = value;
    form.classList.toggle('note-mode', mode === 'INTERNAL');
    form.dataset.mode = mode;
    replyMode.setAttribute('aria-checked', String(mode === 'PUBLIC'));
    noteMode.setAttribute('aria-checked', String(mode === 'INTERNAL'));
    send.textContent = t(mode === 'INTERNAL' ? 'conv.sendNote' : 'conv.sendReply');
    text.placeholder = t(mode === 'INTERNAL' ? 'conv.notePlaceholder' : 'conv.replyPlaceholder');
    picker.hidden = true;
    text.focus();
  }

  let pickerAsked = 0;
  let pickerTimer = null;
  // Asks once the agent pauses, and shows only the answer to the latest text.
  function openPicker() {
    clearTimeout(pickerTimer);
    pickerTimer = setTimeout(fillPicker, 150);
  }

  async function fillPicker() {
    const query = text.value.slice(1).trim();
    const asked = ++pickerAsked;
    try {
      const page = await api.get(`~/saved-replies${query ? `?q=${encodeURIComponent(query)}` : ''}`);
      if (asked !== pickerAsked || !text.value.startsWith('/')) return;
      clear(picker, page.items.slice(0, 8).map((reply) => h('li', {},
        h('button', { type: 'button', class: 'saved-reply', dataset: { replyId: reply.id }, onclick: () => choose(reply) },
          h('strong', {}, reply.title), ' ', h('span', { class: 'muted' }, reply.body.slice(0, 80))))));
      picker.hidden = !page.items.length;
    } catch (error) {
      view.fail(error);
    }
  }

  async function choose(reply) {
    try {
      const rendered = await api.post(`~/saved-replies/${reply.id}/render`, { conversationId: view.id });
      text.value = rendered.text;
      savedReplyId = reply.id;
      picker.hidden = true;
      text.focus();
    } catch (error) {
      view.fail(error);
    }
  }

  text.addEventListener('input', () => {
    if (mode === 'PUBLIC' && text.value.startsWith('/')) openPicker();
    else { clearTimeout(pickerTimer); picker.hidden = true; }
    if (!text.value) savedReplyId = null;
    const now = Date.now();
    if (text.value && now - lastTypingSent > TYPING_EVERY_MS) {
      lastTypingSent = now;
      api.post(`~/conversations/${view.id}/typing`).catch(() => {});
    }
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
    if (e.key === 'Escape') picker.hidden = true;
    if (e.key === 'ArrowDown' && !picker.hidden) { e.preventDefault(); picker.querySelector('button')?.focus(); }
  });
  picker.addEventListener('keydown', (e) => {
    const buttons = [...picker.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); buttons[Math.min(at + 1, buttons.length - 1)]?.focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (at <= 0 ? text : buttons[at - 1]).focus(); }
    if (e.key === 'Escape') { picker.hidden = true; text.focus(); }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim() && !files.files.length) return;
    send.disabled = true;
    try {
      const body = { text: text.value, visibility: mode, attachments: await readAttachments(files.files) };
      if (mode === 'PUBLIC' && savedReplyId) body.savedReplyId = savedReplyId;
      await api.post(`~/conversations/${view.id}/messages`, body);
      text.value = '';
      files.value = '';
      savedReplyId = null;
      warning.hidden = true;
      view.reloadTimeline();
      view.refresh();
    } catch (error) {
      view.fail(error);
    } finally {
      send.disabled = false;
    }
  });
  setMode('PUBLIC');
  return {
    element: form,
    /** A colleague's public reply arrived: warn only when this agent has a draft that may now be wrong. */
    colleagueReplied() {
      if (text.value.trim()) warning.hidden = false;
    },
  };
}
