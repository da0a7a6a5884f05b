// The agent's inbox: the queues (All, Mine, Unassigned) and the conversation view. Both refresh
// themselves every few seconds from the API, so what another agent or another server instance did
// shows up without a reload.
import { api, session } from '../api.js';
import { h, clear } from '../dom.js';
import { addTexts, t } from '../i18n.js';
import { registerView, registerHeaderPart } from '../views.js';
import { renderConversation } from './conversation.js';
import { inboxTexts } from './texts.js';

addTexts(inboxTexts);
document.head.append(h('link', { rel: 'stylesheet', href: new URL('inbox.css', import.meta.url).href }));

const REFRESH_MS = 3000;
const OPEN_STATUSES = 'OPEN,WAITING_ON_CUSTOMER,WAITING_ON_VENDOR';
const QUEUES = {
  all: { label: 'inbox.all', query: `status=${OPEN_STATUSES}&sort=queue` },
  mine: { label: 'inbox.mine', query: `status=${OPEN_STATUSES}&assignee=me&sort=queue` },
  unassigned: { label: 'inbox.unassigned', query: `status=${OPEN_STATUSES}&assignee=none&sort=queue` },
};

registerView({ path: 'inbox', label: 'nav.inbox', render: renderInbox });
registerView({ path: 'conversations', render: (container, [id]) => renderConversation(container, Number(id)) });
registerHeaderPart(availabilitySwitch);

function renderInbox(container, [queue = 'all']) {
  const chosen = QUEUES[queue] ? queue : 'all';
  const list = h('ul', { class: 'queue', id: 'queue', 'aria-label': t(QUEUES[chosen].label) });
  const tabs = h('nav', { class: 'queue-tabs' }, Object.entries(QUEUES).map(([key, q]) =>
    h('a', { href: `#/inbox/${key}`, class: key === chosen ? 'active' : null, dataset: { queue: key } }, t(q.label))));
  container.append(h('section', { class: 'inbox' }, h('h1', {}, t('nav.inbox')), tabs, list));

  let stopped = false;
  async function refresh() {
    try {
      const page = await api.get(`~/conversations?${QUEUES[chosen].query}&limit=50`);
      await customerNames(page.items.map((c) => c.customerId));
      if (stopped) return;
      clear(list, page.items.length === 0 ? h('li', { class: 'empty muted' }, t('inbox.empty'))
        : page.items.map(row));
    } catch (error) {
      if (!stopped) clear(list, h('li', { class: 'form-error' }, error.message));
    }
  }
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => { stopped = true; clearInterval(timer); };
}

/** Customer names by id (the list carries only ids), each read once per session of the app. */
const names = new Map();
async function customerNames(ids) {
  const missing = [...new Set(ids)].filter((id) => !names.has(id));
  await Promise.all(missing.map(async (id) => {
    const customer = await api.get(`~/customers/${id}`);
    names.set(id, customer.name || customer.email || `#${id}`);
  }));
}

function row(conversation) {
  const me = session.get().agent.id;
  const who = names.get(conversation.customerId) || `${t('inbox.customer')} #${conversation.customerId}`;
  return h('li', { class: 'queue-item', dataset: { conversation: conversation.id } },
    h('a', { href: `#/conversations/${conversation.id}` },
      h('span', { class: 'who' }, who),
      conversation.ourClient ? h('span', { class: 'badge our-client' }, t('inbox.ourClient')) : null,
      conversation.complaint ? h('span', { class: 'badge complaint' }, t('conversation.complaint')) : null,
      h('span', { class: 'muted' }, ` #${conversation.id} · ${conversation.channel} · ${t('status.' + conversation.status)}`),
      h('span', { class: 'assignee muted' }, conversation.assigneeId === me ? t('inbox.yours')
        : conversation.assigneeId ? t('inbox.taken') : t('inbox.free')),
      h('time', { class: 'muted', datetime: conversation.lastCustomerMessageAt || conversation.createdAt },
        since(conversation.lastCustomerMessageAt || conversation.createdAt))));
}

export function since(iso) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return t('time.seconds', { n: seconds });
  if (seconds < 3600) return t('time.minutes', { n: Math.floor(seconds / 60) });
  return t('time.hours', { n: Math.floor(seconds / 3600) });
}

/** Online / Offline: round-robin assignment only picks online agents. */
function availabilitySwitch() {
  const agent = session.get().agent;
  const toggle = h('button', { class: 'availability', id: 'availability', 'aria-pressed': String(agent.availability === 'ONLINE') });
  const show = (availability) => {
    toggle.textContent = availability === 'ONLINE' ? t('availability.online') : t('availability.offline');
    toggle.classList.toggle('online', availability === 'ONLINE');
    toggle.setAttribute('aria-pressed', String(availability === 'ONLINE'));
  };
  show(agent.availability);
  toggle.addEventListener('click', async () => {
    const next = toggle.classList.contains('online') ? 'OFFLINE' : 'ONLINE';
    const updated = await api.put(`~/agents/${agent.id}/availability`, { availability: next });
    session.set({ ...session.get(), agent: { ...agent, availability: updated.availability } });
    show(updated.availability);
  });
  return toggle;
}

