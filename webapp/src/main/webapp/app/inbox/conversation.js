// One conversation: its header (status, SLA, links, category, assign, close), the timeline where an
// internal note can never be mistaken for a reply, the composer and the customer's card.
import { api, session } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { composer } from './composer.js';
import { customerCard } from './customer-card.js';
import { slaBadge } from './sla.js';

const REFRESH_MS = 3000;

export function renderConversation(container, id) {
  const state = { conversation: null, messages: [], categories: [], stopped: false };
  const header = h('div', { class: 'conversation-header' });
  const notice = h('p', { class: 'form-error', role: 'alert', id: 'conversation-error', hidden: true });
  const timeline = h('ol', { class: 'timeline', id: 'timeline', 'aria-live': 'polite' });
  const card = h('aside', { class: 'customer-card card', id: 'customer-card' });
  const write = composer(id, {
    sent: () => refresh(),
    failed: (error) => show(error),
    latestPublicAgentMessage: () => state.messages.filter((m) => m.visibility === 'PUBLIC' && m.authorType === 'AGENT').pop(),
  });
  container.append(h('section', { class: 'conversation' },
    h('div', { class: 'conversation-main' }, header, notice, timeline, write.element), card));

  function show(error) {
    notice.hidden = !error;
    notice.textContent = error ? error.message : '';
  }

  async function act(call) {
    try {
      show(null);
      await call();
      await refresh();
    } catch (error) {
      show(error);
    }
  }

  async function refresh() {
    try {
      const [conversation, messages] = await Promise.all([api.get(`~/conversations/${id}`), allMessages(id)]);
      if (state.stopped) return;
      const grew = messages.length !== state.messages.length;
      const changed = conversation.version !== state.conversation?.version;
      state.conversation = conversation;
      state.messages = messages;
      // Only what changed is drawn again, so a menu the agent has open stays open.
      if (changed) renderHeader();
      if (grew) renderTimeline();
      write.seen(messages);
      if (!card.dataset.customer) {
        card.dataset.customer = conversation.customerId;
        customerCard(card, conversation.customerId, id);
      }
    } catch (error) {
      if (!state.stopped) show(error);
    }
  }

  function renderHeader() {
    const c = state.conversation;
    const me = session.get().agent.id;
    const category = h('select', { id: 'category', 'aria-label': t('conversation.category'),
      onchange: (e) => act(() => api.put(`~/conversations/${id}/category`, { categoryId: Number(e.target.value) })) },
    h('option', { value: '' }, t('conversation.noCategory')),
    state.categories.map((k) => h('option', { value: k.id, selected: k.id === c.categoryId }, k.name)));
    clear(header,
      h('h1', {}, `#${c.id} `, h('span', { class: 'status' }, t('status.' + c.status))),
      slaBadge(c.sla),
      c.links.filter((l) => l.type !== 'conversation').map((l) =>
        h('a', { class: 'badge link-badge', href: l.url, target: '_blank', rel: 'noopener' }, `${l.type} ${l.key} · ${l.status}`)),
      h('span', { class: 'spacer' }),
      c.assigneeId === me ? h('span', { class: 'muted' }, t('inbox.yours'))
        : h('button', { id: 'assign-me', onclick: () => act(() => api.post(`~/conversations/${id}/assign`, { agentId: 'me' })) },
          t('conversation.assignMe')),
      c.status === 'CLOSED'
        ? h('button', { id: 'reopen', onclick: () => act(() => api.post(`~/conversations/${id}/reopen`)) }, t('conversation.reopen'))
        : [category, h('button', { id: 'close', class: 'danger', onclick: () => act(() => api.post(`~/conversations/${id}/close`)) },
          t('conversation.close'))]);
  }

  function renderTimeline() {
    clear(timeline, state.messages.map(entry));
    timeline.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  api.get('~/categories').then((page) => { state.categories = page.items.filter((k) => !k.archived); if (state.conversation) renderHeader(); });
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => { state.stopped = true; clearInterval(timer); write.stop(); };
}

/** Every entry of the timeline, oldest first, page after page. */
async function allMessages(id) {
  const items = [];
  let cursor = null;
  do {
    const page = await api.get(`~/conversations/${id}/messages?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

function entry(message) {
  const internal = message.visibility === 'INTERNAL';
  const author = message.authorType === 'CUSTOMER' ? t('message.customer')
    : message.authorType === 'SYSTEM' ? t('message.system')
      : message.authorName || (message.authorAgentId === session.get().agent.id ? t('message.you') : t('message.agent'));
  return h('li', { class: `message ${internal ? 'internal' : 'public'} from-${message.authorType.toLowerCase()}`,
    dataset: { message: message.id, visibility: message.visibility } },
  internal ? h('strong', { class: 'internal-label' }, t('message.internalLabel')) : null,
  h('div', { class: 'meta muted' }, author, ' · ', new Date(message.createdAt).toLocaleString()),
  h('div', { class: 'text' }, message.text),
  message.attachments.map((a) => h('a', { class: 'attachment', href: '#', onclick: (e) => { e.preventDefault(); download(message.conversationId, a); } },
    `📎 ${a.name}`)));
}

/** Attachments need the bearer token, so they are fetched and handed to the browser as a blob. */
async function download(conversationId, attachment) {
  const response = await fetch(`/api/v1/tenants/${session.get().tenant}/conversations/${conversationId}/attachments/${attachment.id}`,
    { headers: { Authorization: `Bearer ${session.get().token}` } });
  const url = URL.createObjectURL(await response.blob());
  window.open(url, '_blank');
}
