// Workflow switches: how long a closed conversation may be reopened by the customer, the saved reply
// sent when a third-party category is chosen, round-robin assignment and which SLA policies apply.
import { api } from '../api.js';
import { addTexts, t } from '../i18n.js';
import { ADMINS, registerAdminPage } from './pages.js';
import { settingsPage } from './settings.js';

addTexts({
  en: {
    'workflow.title': 'Workflow', 'workflow.intro': 'Reopening, the vendor reply, assignment and the SLA policies in force.',
    'workflow.reopenWindow': 'Reopen window', 'workflow.reopenHelp': 'ISO-8601, e.g. P7D; PT0S: a customer writing after closing always starts a new conversation.',
    'workflow.vendorReply': 'Reply when a third-party category is chosen', 'workflow.none': '(none)',
    'workflow.autoAssign': 'Assign new conversations round-robin among online agents of the department',
    'workflow.defaultPolicy': 'Default SLA policy', 'workflow.ourClientsPolicy': 'SLA policy for our clients',
  },
  ru: {
    'workflow.title': 'Процессы', 'workflow.intro': 'Повторное открытие, ответ про поставщика, распределение и действующие SLA-политики.',
    'workflow.reopenWindow': 'Окно повторного открытия', 'workflow.reopenHelp': 'ISO-8601, например P7D; PT0S — после закрытия всегда новое обращение.',
    'workflow.vendorReply': 'Ответ при выборе сторонней категории', 'workflow.none': '(нет)',
    'workflow.autoAssign': 'Распределять новые обращения по кругу между агентами отдела в сети',
    'workflow.defaultPolicy': 'SLA-политика по умолчанию', 'workflow.ourClientsPolicy': 'SLA-политика для наших клиентов',
  },
});

function choices(items, label) {
  return [{ value: '', label: t('workflow.none') }, ...items.map((i) => ({ value: i.id, label: label(i) }))];
}

const idOrNull = (value) => (value === '' ? null : Number(value));

registerAdminPage({
  path: 'workflow',
  label: 'workflow.title',
  roles: ADMINS,
  render: settingsPage({
    title: 'workflow.title',
    intro: 'workflow.intro',
    endpoint: '~/rules/workflow',
    context: async () => {
      const [policies, replies] = await Promise.all([api.get('~/sla-policies'), api.get('~/saved-replies')]);
      return { policies: policies.items, replies: replies.items };
    },
    fields: ({ policies, replies }) => [
      { name: 'reopenWindow', label: t('workflow.reopenWindow'), required: true, help: t('workflow.reopenHelp') },
      { name: 'vendorReplyId', label: t('workflow.vendorReply'), kind: 'select',
        options: choices(replies, (r) => `${r.title} (${r.language})`) },
      { name: 'autoAssign', label: t('workflow.autoAssign'), kind: 'checkbox' },
      { name: 'defaultPolicyId', label: t('workflow.defaultPolicy'), kind: 'select', options: choices(policies, (p) => p.name) },
      { name: 'ourClientsPolicyId', label: t('workflow.ourClientsPolicy'), kind: 'select', options: choices(policies, (p) => p.name) },
    ],
    values: ({ workflow }) => workflow,
    body: (v) => ({ reopenWindow: v.reopenWindow, vendorReplyId: idOrNull(v.vendorReplyId), autoAssign: v.autoAssign,
      defaultPolicyId: idOrNull(v.defaultPolicyId), ourClientsPolicyId: idOrNull(v.ourClientsPolicyId) }),
  }),
});
