// SLA policies: first-reply, next-reply and resolution targets, as ISO-8601 or "4 business hours".
import { addTexts, t } from '../i18n.js';
import { crudPage } from './crud.js';
import { ADMINS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'sla.title': 'SLA policies', 'sla.name': 'Name', 'sla.firstReply': 'First reply', 'sla.nextReply': 'Next reply',
    'sla.resolution': 'Resolution', 'sla.warnAtShare': 'Warn at share of the target', 'sla.paused': 'Statuses that pause resolution',
    'sla.targetHelp': 'PT1M, PT2H, P2D, or "4 business hours" / "2 business days".', 'sla.warnHelp': 'From 0 to 1; empty: 0.8.',
    'sla.delete': 'Delete', 'sla.confirm': 'Delete the SLA policy "{name}"?',
    'status.WAITING_ON_CUSTOMER': 'Waiting on customer', 'status.ON_HOLD': 'On hold', 'status.WAITING_ON_VENDOR': 'Waiting on vendor',
  },
  ru: {
    'sla.title': 'SLA-политики', 'sla.name': 'Название', 'sla.firstReply': 'Первый ответ', 'sla.nextReply': 'Следующий ответ',
    'sla.resolution': 'Решение', 'sla.warnAtShare': 'Предупреждать при доле срока', 'sla.paused': 'Статусы, приостанавливающие срок решения',
    'sla.targetHelp': 'PT1M, PT2H, P2D или "4 business hours" / "2 business days".', 'sla.warnHelp': 'От 0 до 1; пусто — 0.8.',
    'sla.delete': 'Удалить', 'sla.confirm': 'Удалить SLA-политику «{name}»?',
    'status.WAITING_ON_CUSTOMER': 'Ждём клиента', 'status.ON_HOLD': 'Отложено', 'status.WAITING_ON_VENDOR': 'Ждём поставщика',
  },
});

const PAUSABLE = ['WAITING_ON_CUSTOMER', 'ON_HOLD', 'WAITING_ON_VENDOR'];
const TARGETS = ['firstReply', 'nextReply', 'resolution'];

registerAdminPage({
  path: 'sla-policies',
  label: 'sla.title',
  roles: ADMINS,
  render: crudPage({
    title: 'sla.title',
    endpoint: '~/sla-policies',
    columns: [
      { label: 'sla.name', value: (p) => p.name },
      ...TARGETS.map((target) => ({ label: `sla.${target}`, value: (p) => p[target] })),
      { label: 'sla.paused', value: (p) => p.pausedStatuses.map((s) => t(`status.${s}`)).join(', ') },
    ],
    fields: () => [
      { name: 'name', label: t('sla.name'), required: true },
      ...TARGETS.map((target) => ({ name: target, label: t(`sla.${target}`), required: true, help: t('sla.targetHelp') })),
      { name: 'warnAtShare', label: t('sla.warnAtShare'), placeholder: '0.8', inputmode: 'decimal', help: t('sla.warnHelp') },
      { name: 'pausedStatuses', label: t('sla.paused'), kind: 'multi',
        options: PAUSABLE.map((s) => ({ value: s, label: t(`status.${s}`) })) },
    ],
    values: (p) => ({ ...p, warnAtShare: String(p.warnAtShare) }),
    body: (v) => ({ name: v.name, firstReply: v.firstReply, nextReply: v.nextReply, resolution: v.resolution,
      warnAtShare: v.warnAtShare.trim() === '' ? null : Number(v.warnAtShare.replace(',', '.')),
      pausedStatuses: v.pausedStatuses }),
    remove: { label: 'sla.delete', confirm: 'sla.confirm' },
  }),
});
