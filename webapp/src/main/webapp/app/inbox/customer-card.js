// The customer beside the chat: who they are, how to reach them (and that the email is missing),
// plan and value, editable tags, notes only staff see, their other conversations and modules' lines.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';

export async function renderCustomerCard(card, customerId, conversationId) {
  try {
    const [customer, notes, others] = await Promise.all([api.get(`~/customers/${customerId}`),
      api.get(`~/customers/${customerId}/notes`), api.get(`~/conversations?customer=${customerId}&limit=10`)]);
    const reload = () => renderCustomerCard(card, customerId, conversationId);
    clear(card,
      h('h2', {}, customer.name || t('inbox.customer', { id: customer.id })),
      customer.ourClient ? h('span', { class: 'badge our' }, t('inbox.ourClient')) : null,
      h('dl', {},
        h('dt', {}, t('card.email')), h('dd', {}, customer.emailMissing || !customer.email
          ? h('span', { class: 'email-missing' }, t('card.emailMissing')) : customer.email),
        customer.phone ? [h('dt', {}, t('card.phone')), h('dd', {}, customer.phone)] : null,
        customer.plan ? [h('dt', {}, t('card.plan')), h('dd', {}, customer.plan)] : null,
        customer.ltv ? [h('dt', {}, t('card.ltv')), h('dd', {}, `${customer.ltv.amount} ${customer.ltv.currency}`)] : null,
        Object.entries(customer.attributes || {}).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('h3', {}, t('card.tags')), tagEditor(customer, reload),
      customer.modules?.length ? [h('h3', {}, t('card.modules')), h('ul', {}, customer.modules.map((m) =>
        h('li', {}, `${m.label}: `, m.url ? h('a', { href: m.url, target: '_blank', rel: 'noopener' }, m.value) : m.value)))] : null,
      h('h3', {}, t('card.notes')), notesBox(customer, notes.items, reload),
      h('h3', {}, t('card.other')), h('ul', { class: 'other-conversations' }, others.items.filter((c) => c.id !== conversationId)
        .map((c) => h('li', {}, h('a', { href: `#/conversations/${c.id}` }, `#${c.id} ${c.subject || ''} · ${c.status}`)))));
  } catch (error) {
    clear(card, h('p', { class: 'form-error' }, error.message));
  }
}

function tagEditor(customer, reload) {
  const input = h('input', { name: 'tag', placeholder: t('card.addTag'), 'aria-label': t('card.addTag'), size: 12 });
  const form = h('form', { class: 'tags', onsubmit: async (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    await api.post(`~/customers/${customer.id}/tags`, { tags: [input.value.trim()] }).then(reload, (error) => { input.title = error.message; });
  } },
  customer.tags.map((tag) => h('span', { class: 'chip tag' }, tag,
    h('button', { type: 'button', class: 'link', 'aria-label': `× ${tag}`, onclick: () => api.del(`~/customers/${customer.id}/tags/${encodeURIComponent(tag)}`).then(reload) }, '×'))),
  input);
  return form;
}

function notesBox(customer, notes, reload) {
  const text = h('textarea', { name: 'text', rows: 2, 'aria-label': t('card.addNote') });
  return h('div', { class: 'staff-notes' },
    h('ul', {}, notes.map((n) => h('li', {}, n.text, ' ', h('span', { class: 'muted' }, new Date(n.createdAt).toLocaleDateString())))),
    h('form', { onsubmit: async (e) => {
      e.preventDefault();
      if (text.value.trim()) await api.post(`~/customers/${customer.id}/notes`, { text: text.value }).then(reload);
    } }, text, h('button', { type: 'submit' }, t('card.addNote'))));
}
