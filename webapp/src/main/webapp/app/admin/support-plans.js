// Support plans (Flow, Basic, Premium, VIP): a customer's `plan` names one, and it points at the SLA
// policy their conversations are timed by.
import { api } from '../api.js';
import { addTexts, t } from '../i18n.js';
import { crudPage } from './crud.js';
import { ADMINS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'plans.title': 'Support plans', 'plans.name': 'Name', 'plans.engage': 'Time to engage', 'plans.policy': 'SLA policy',
    'plans.engageHelp': 'ISO-8601 (PT2H) or "4 business hours" / "7 business days".',
    'plans.delete': 'Delete', 'plans.confirm': 'Delete the plan "{name}"? Its customers fall back to the default policy.',
  },
  ru: {
    'plans.title': 'Тарифы поддержки', 'plans.name': 'Название', 'plans.engage': 'Срок реакции', 'plans.policy': 'SLA-политика',
    'plans.engageHelp': 'ISO-8601 (PT2H) или "4 business hours" / "7 business days".',
    'plans.delete': 'Удалить', 'plans.confirm': 'Удалить тариф «{name}»? Его клиенты получат политику по умолчанию.',
  },
});

registerAdminPage({
  path: 'support-plans',
  label: 'plans.title',
  roles: ADMINS,
  render: crudPage({
    title: 'plans.title',
    endpoint: '~/support-plans',
    context: async () => ({ policies: (await api.get('~/sla-policies')).items }),
    columns: [
      { label: 'plans.name', value: (p) => p.name },
      { label: 'plans.engage', value: (p) => p.timeToEngage },
      { label: 'plans.policy', value: (p, c) => c.policies.find((x) => x.id === p.policyId)?.name ?? p.policyId },
    ],
    fields: (c) => [
      { name: 'name', label: t('plans.name'), required: true },
      { name: 'timeToEngage', label: t('plans.engage'), required: true, help: t('plans.engageHelp') },
      { name: 'policyId', label: t('plans.policy'), kind: 'select', required: true,
        options: c.policies.map((p) => ({ value: p.id, label: p.name })) },
    ],
    values: (p) => p,
    body: (v) => ({ name: v.name, timeToEngage: v.timeToEngage, policyId: Number(v.policyId) }),
    remove: { label: 'plans.delete', confirm: 'plans.confirm' },
  }),
});
