// The agent inbox: queues, filters, conversation and customer search and live SLA countdowns. Registers the inbox
// and conversation views and the Online/Offline switch.
import './texts.js';
import { api, session } from '../api.js';
import { h, clear, showProblem } from '../dom.js';
import { t } from '../i18n.js';
import { registerView, registerHeaderPart } from '../views.js';
import { onLive } from './live.js';
import { currentTimer, slaBadge, tickBadges } from './sla.js';
import { directory } from './directory.js';
import { renderConversation } from './conversation.js';

document.head.append(h('link', { rel: 'stylesheet', href: new URL('./inbox.css', import.meta.url).href }));

const QUEUES = {
  all: { label: 'inbox.all', query: {} },
  mine: { label: 'inbox.mine', query: { assignee: 'me' } },
  unassigned: { label: 'inbox.unassigned', query: { assignee: 'none' } },
};
const OPEN_STATUSES = 'OPEN,WAITING_ON_CUSTOMER,ON_HOLD,WAITING_ON_VENDOR';
const state = { queue: 'all', department: '', category: '', tag: '', q: '' };

registerView({ path: 'inbox', label: 'nav.inbox', render: renderInbox });
registerView({ path: 'conversations', render: (container, [id]) => renderConversation(container, Number(id)) });
registerHeaderPart(renderAvailability);
tickBadges();

function renderInbox(container, [queue]) {
  if (QUEUES[queue]) state.queue = queue;
  const list = h('ol', { class: 'inbox-list', id: 'inbox-list', 'aria-label': t('nav.inbox') });
  const tabs = h('div', { class: 'queue-tabs', role: 'tablist' }, Object.entries(QUEUES).map(([key, q]) =>
    h('a', { href: `#/inbox/${key}`, role: 'tab', id: `queue-${key}`, class: key === state.queue ? 'active' : null,
      'aria-selected': key === state.queue ? 'true' : 'false' }, t(q.label))));
  const filters = h('div', { class: 'inbox-filters' });
  const results = h('div', { class: 'search-results', id: 'customer-results' });
  const search = h('form', { class: 'inbox-search', role: 'search', onsubmit: (e) => { e.preventDefault(); searchCustomers(search, results); } },
    h('input', { type: 'search', name: 'q', id: 'customer-search', placeholder: t('inbox.search'), 'aria-label': t('inbox.search') }));
  let typed = null;
  const find = (e) => {
    e.preventDefault();
    clearTimeout(typed);
    typed = setTimeout(() => { state.q = conversations.q.value.trim(); load(list); }, e.type === 'submit' ? 0 : 300);
  };
  const conversations = h('form', { class: 'inbox-search', role: 'search', id: 'conversation-search-form', onsubmit: find, oninput: find },
    h('input', { type: 'search', name: 'q', id: 'conversation-search', value: state.q, maxlength: 100,
      placeholder: t('inbox.findConversations'), 'aria-label': t('inbox.findConversations') }));
  clear(container, h('section', { class: 'inbox' }, h('div', { class: 'inbox-bar' }, tabs, filters, conversations, search), results, list));
  directory().then((d) => renderFilters(filters, d, () => load(list))).catch((error) => showProblem(container, error));
  load(list);
  let reloading = null;
  // A change anywhere in the tenant may move a conversation into or out of this queue: reload, at most once a second.
  const stop = onLive((update) => {
    if (!update.conversations?.length || reloading) return;
    reloading = setTimeout(() => { reloading = null; load(list); }, 300);
  });
  return () => { stop(); clearTimeout(reloading); clearTimeout(typed); };
}

function renderFilters(filters, d, reload) {
  const select = (name, label, options) => h('label', { class: 'inline' }, t(label),
    h('select', { name, onchange: (e) => { state[name] = e.target.value; reload(); } },
      h('option', { value: '' }, t('inbox.any')),
      options.map((o) => h('option', { value: o.id, selected: String(o.id) === state[name] }, o.name))));
  const tag = h('input', { name: 'tag', value: state.tag, size: 10, 'aria-label': t('inbox.tag'), placeholder: t('inbox.tag'),
    onchange: (e) => { state.tag = e.target.value.trim(); reload(); } });
  clear(filters, select('department', 'inbox.department', d.departments), select('category', 'inbox.category', d.categories), tag);
}

let loads = 0;
async function load(list) {
  const params = new URLSearchParams({ status: OPEN_STATUSES, sort: 'queue', limit: '100', ...QUEUES[state.queue].query });
  for (const name of ['department', 'category', 'tag', 'q']) if (state[name]) params.set(name, state[name]);
  const asked = ++loads;
  try {
    const [page, d] = await Promise.all([api.get(`~/conversations?${params}`), directory()]);
    await customerNames(page.items.map((c) => c.customerId));
    if (asked !== loads) return; // a newer search or filter answered meanwhile
    list.dataset.q = state.q;
    clear(list, page.items.length ? page.items.map((c) => row(c, d))
      : h('li', { class: 'muted empty' }, t(state.q ? 'inbox.noMatch' : 'inbox.empty', { q: state.q })));
  } catch (error) {
    showProblem(list.parentElement, error);
  }
}

function row(c, d) {
  const assignee = c.assigneeId ? d.agents.get(c.assigneeId)?.name : t('inbox.unassignedShort');
  return h('li', { class: `inbox-row${c.ourClient ? ' our-client' : ''}`, dataset: { conversationId: c.id } },
    h('a', { href: `#/conversations/${c.id}` },
      h('span', { class: 'title' }, names.get(c.customerId) || t('conv.conversation', { id: c.id })),
      c.subject ? h('span', { class: 'muted' }, c.subject) : null,
      c.ourClient ? h('span', { class: 'badge our' }, t('inbox.ourClient')) : null,
      h('span', { class: 'muted meta' }, `${c.channel} · ${c.status} · ${assignee || ''}`),
      slaSlot(c.id)));
}

/** Customer names by id (a list carries only ids), each read once per session of the app. */
const names = new Map();
async function customerNames(ids) {
  const missing = [...new Set(ids)].filter((id) => !names.has(id));
  await Promise.all(missing.map(async (id) => {
    const customer = await api.get(`~/customers/${id}`).catch(() => null);
    names.set(id, customer ? customer.name || customer.email || customer.phone || null : null);
  }));
}

// Lists carry no timers (they cost a read of each conversation's messages), so each row asks for its own.
function slaSlot(id) {
  const slot = h('span', { class: 'sla-slot' });
  api.get(`~/conversations/${id}/sla`).then((sla) => {
    const badge = slaBadge(currentTimer(sla));
    if (badge) slot.replaceChildren(badge);
  }).catch(() => {});
  return slot;
}

async function searchCustomers(form, results) {
  const q = form.q.value.trim();
  if (!q) { clear(results); return; }
  try {
    const page = await api.get(`~/customers?q=${encodeURIComponent(q)}`);
    const lines = await Promise.all(page.items.slice(0, 10).map(async (customer) => {
      const conversations = await api.get(`~/conversations?customer=${customer.id}&limit=5`);
      return h('li', {}, h('strong', {}, customer.name || t('inbox.customer', { id: customer.id })), ' ',
        h('span', { class: 'muted' }, customer.email || customer.phone || ''), ' ',
        conversations.items.map((c) => h('a', { href: `#/conversations/${c.id}`, class: 'chip' }, `#${c.id} ${c.status}`)));
    }));
    clear(results, h('ul', {}, lines.length ? lines : h('li', { class: 'muted' }, t('inbox.noCustomers'))));
  } catch (error) {
    showProblem(form, error);
  }
}

function renderAvailability() {
  const me = session.get().agent;
  const button = h('button', { class: 'availability', id: 'availability', role: 'switch' });
  const paint = (availability) => {
    button.dataset.availability = availability;
    button.setAttribute('aria-checked', availability === 'ONLINE' ? 'true' : 'false');
    button.textContent = t(`availability.${availability}`);
  };
  paint(me.availability || 'OFFLINE');
  api.get(`~/agents/${me.id}`).then((agent) => paint(agent.availability)).catch(() => {});
  button.addEventListener('click', async () => {
    const next = button.dataset.availability === 'ONLINE' ? 'OFFLINE' : 'ONLINE';
    try {
      paint((await api.put(`~/agents/${me.id}/availability`, { availability: next })).availability);
    } catch (error) {
      button.title = error.message;
    }
  });
  return button;
}

