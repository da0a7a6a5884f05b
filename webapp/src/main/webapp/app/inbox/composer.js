// The reply box. Reply and Internal note are two modes the agent switches between on purpose; in
// note mode the whole box turns amber and the button says so, because a note sent as a reply is the
// one mistake the handbooks record. A leading "/" opens the saved replies.
import { api, session } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';

export function composer(conversationId, { sent, failed }) {
  let mode = 'PUBLIC';
  let savedReplyId = null;
  let replies = null;
  let draftSince = null;
  let lastSeenMessageId = 0;
  const text = h('textarea', { id: 'reply-text', name: 'text', rows: 4, 'aria-describedby': 'reply-mode-hint' });
  const picker = h('ul', { class: 'saved-replies', id: 'saved-replies', role: 'listbox', hidden: true });
  const warning = h('p', { class: 'colleague-warning', id: 'colleague-replied', role: 'status', hidden: true });
  const hint = h('p', { class: 'mode-hint', id: 'reply-mode-hint' });
  const send = h('button', { type: 'submit', class: 'primary', id: 'send' });
  const replyTab = h('button', { type: 'button', role: 'tab', id: 'mode-reply', onclick: () => setMode('PUBLIC') }, t('composer.reply'));
  const noteTab = h('button', { type: 'button', role: 'tab', id: 'mode-note', onclick: () => setMode('INTERNAL') }, t('composer.note'));
  const form = h('form', { class: 'composer', id: 'composer' },
    h('div', { class: 'mode-switch', role: 'tablist' }, replyTab, noteTab), hint, warning, text, picker,
    h('div', { class: 'composer-actions' }, h('span', { class: 'muted' }, t('composer.shortcuts')), send));

  function setMode(next) {
    mode = next;
    form.classList.toggle('note-mode', mode === 'INTERNAL');
    replyTab.setAttribute('aria-selected', String(mode === 'PUBLIC'));
    noteTab.setAttribute('aria-selected', String(mode === 'INTERNAL'));
    send.textContent = mode === 'INTERNAL' ? t('composer.sendNote') : t('composer.sendReply');
    hint.textContent = mode === 'INTERNAL' ? t('composer.noteHint') : t('composer.replyHint');
    text.placeholder = mode === 'INTERNAL' ? t('composer.notePlaceholder') : t('composer.replyPlaceholder');
  }
  setMode('PUBLIC');

  async function showPicker() {
    const query = text.value.slice(1).toLowerCase();
    replies ??= (await api.get('~/saved-replies?limit=100')).items;
    const found = replies.filter((r) => r.title.toLowerCase().includes(query) || r.body.toLowerCase().includes(query));
    clear(picker, found.length === 0 ? h('li', { class: 'muted' }, t('composer.noSavedReply'))
      : found.map((r, i) => h('li', { role: 'option', tabindex: 0, 'aria-selected': String(i === 0), dataset: { reply: r.id },
        onclick: () => choose(r), onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); choose(r); } } },
      h('strong', {}, r.title), ' ', h('span', { class: 'muted' }, r.body.slice(0, 80)))));
    picker.hidden = false;
  }

  async function choose(reply) {
    const rendered = await api.post(`~/saved-replies/${reply.id}/render`, { conversationId });
    text.value = rendered.text;
    savedReplyId = reply.id;
    picker.hidden = true;
    text.focus();
  }

  text.addEventListener('input', () => {
    if (text.value.startsWith('/')) showPicker().catch(failed);
    else picker.hidden = true;
    if (!text.value.trim()) { savedReplyId = null; draftSince = null; warning.hidden = true; } else draftSince ??= lastSeenMessageId;
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
    if (e.key === 'ArrowDown' && !picker.hidden) { e.preventDefault(); picker.querySelector('li[tabindex]')?.focus(); }
    if (e.key === 'Escape') picker.hidden = true;
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return;
    send.disabled = true;
    try {
      await api.post(`~/conversations/${conversationId}/messages`, { text: text.value, visibility: mode,
        savedReplyId: mode === 'PUBLIC' ? savedReplyId : null });
      text.value = '';
      savedReplyId = null;
      draftSince = null;
      warning.hidden = true;
      sent();
    } catch (error) {
      failed(error);
    } finally {
      send.disabled = false;
    }
  });

  return {
    element: form,
    /** A colleague's public reply that arrived while this agent was writing gets a warning. */
    seen(messages) {
      const me = session.get().agent.id;
      const colleague = messages.find((m) => draftSince !== null && m.id > draftSince && m.visibility === 'PUBLIC'
        && m.authorType === 'AGENT' && m.authorAgentId !== me);
      if (colleague) {
        warning.textContent = t('composer.colleagueReplied');
        warning.hidden = false;
      }
      lastSeenMessageId = Math.max(lastSeenMessageId, ...messages.map((m) => m.id));
    },
    stop() {},
  };
}
