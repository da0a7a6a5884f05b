// The customer beside the chat: contacts ("email missing" when there is none), plan, lifetime value,
// attributes, tags the agent edits, what modules know (CRM links), and staff-only notes.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';

export async function customerCard(card, customerId, conversationId) {
  const customer = await api.get(`~/customers/${customerId}`);
  const others = await api.get(`~/conversations?customer=${customerId}&limit=10`);
  const tags = h('ul', { class: 'tags', id: 'customer-tags' });
  const addTag = h('input', { name: 'tag', placeholder: t('card.addTag'), 'aria-label': t('card.addTag') });
  const renderTags = (list) => clear(tags, list.map((tag) => h('li', { class: 'badge' }, tag,
    h('button', { class: 'link', 'aria-label': t('card.removeTag', { tag }),
      onclick: async () => renderTags((await api.del(`~/customers/${customerId}/tags/${encodeURIComponent(tag)}`)).tags) }, '×'))));
  renderTags(customer.tags);
  addTag.addEventListener('keydown', async (e) => {
    if (e.key !== 'Enter' || !addTag.value.trim()) return;
    e.preventDefault();
    renderTags((await api.post(`~/customers/${customerId}/tags`, { tags: [addTag.value.trim()] })).tags);
    addTag.value = '';
  });
  clear(card,
    h('h2', {}, customer.name || t('inbox.customer')),
    h('dl', {},
      h('dt', {}, t('card.email')), h('dd', {}, customer.emailMissing ? h('span', { class: 'missing' }, t('card.emailMissing')) : customer.email),
      h('dt', {}, t('card.phone')), h('dd', {}, customer.phone || '—'),
      h('dt', {}, t('card.plan')), h('dd', {}, customer.plan || '—'),
      customer.ltv ? [h('dt', {}, t('card.ltv')), h('dd', {}, `${customer.ltv.amount} ${customer.ltv.currency}`)] : null,
      Object.entries(customer.attributes || {}).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {}, t('card.tags')), tags, addTag,
    customer.modules?.length ? [h('h3', {}, t('card.modules')), h('ul', {}, customer.modules.map((m) =>
      h('li', {}, `${m.label}: `, m.url ? h('a', { href: m.url, target: '_blank', rel: 'noopener' }, m.value) : m.value)))] : null,
    h('h3', {}, t('card.otherConversations')),
    h('ul', { class: 'other-conversations' }, others.items.filter((c) => c.id !== conversationId).map((c) =>
      h('li', {}, h('a', { href: `#/conversations/${c.id}` }, `#${c.id} · ${t('status.' + c.status)}`)))));
}
