// Transfer reasons: why a conversation is passed to another department, and the interim answer the
// customer gets (none when the message is left empty).
import { addTexts, t } from '../i18n.js';
import { crudPage } from './crud.js';
import { ADMINS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'reasons.title': 'Transfer reasons', 'reasons.name': 'Reason', 'reasons.message': 'Message to the customer',
    'reasons.messageHelp': 'Sent when a conversation is transferred for this reason; leave empty to send nothing.',
    'reasons.delete': 'Delete', 'reasons.confirm': 'Delete the reason "{name}"? One already used is archived instead.',
  },
  ru: {
    'reasons.title': 'Причины передачи', 'reasons.name': 'Причина', 'reasons.message': 'Сообщение клиенту',
    'reasons.messageHelp': 'Отправляется при передаче по этой причине; пусто — ничего не отправлять.',
    'reasons.delete': 'Удалить', 'reasons.confirm': 'Удалить причину «{name}»? Уже использованная уйдёт в архив.',
  },
});

registerAdminPage({
  path: 'transfer-reasons',
  label: 'reasons.title',
  roles: ADMINS,
  render: crudPage({
    title: 'reasons.title',
    endpoint: '~/transfer-reasons',
    columns: [
      { label: 'reasons.name', value: (r) => r.name },
      { label: 'reasons.message', value: (r) => r.customerMessage ?? '—' },
    ],
    fields: () => [
      { name: 'name', label: t('reasons.name'), required: true },
      { name: 'customerMessage', label: t('reasons.message'), kind: 'textarea', help: t('reasons.messageHelp') },
    ],
    values: (r) => ({ name: r.name, customerMessage: r.customerMessage }),
    body: (v) => ({ name: v.name, customerMessage: v.customerMessage || null }),
    remove: { label: 'reasons.delete', confirm: 'reasons.confirm' },
  }),
});
