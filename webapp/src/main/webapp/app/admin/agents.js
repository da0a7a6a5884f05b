// The team: add agents with their roles and departments, change them, deactivate those who left
// (their names stay on old conversations; the tenant always keeps one active admin).
import { api } from '../api.js';
import { addTexts, t } from '../i18n.js';
import { crudPage, yesNo } from './crud.js';
import { ADMINS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'agents.title': 'Agents', 'agents.name': 'Name', 'agents.email': 'Email', 'agents.password': 'Password',
    'agents.roles': 'Roles', 'agents.departments': 'Departments', 'agents.active': 'Active',
    'agents.deactivate': 'Deactivate', 'agents.confirm': 'Deactivate {name}? Their sessions end at once.',
    'role.ADMIN': 'Admin', 'role.AGENT': 'Agent', 'role.INTEGRATOR': 'Integrator',
  },
  ru: {
    'agents.title': 'Сотрудники', 'agents.name': 'Имя', 'agents.email': 'Эл. почта', 'agents.password': 'Пароль',
    'agents.roles': 'Роли', 'agents.departments': 'Отделы', 'agents.active': 'Активен',
    'agents.deactivate': 'Отключить', 'agents.confirm': 'Отключить {name}? Все его сеансы завершатся.',
    'role.ADMIN': 'Администратор', 'role.AGENT': 'Агент', 'role.INTEGRATOR': 'Интегратор',
  },
});

const ROLES = ['AGENT', 'ADMIN', 'INTEGRATOR'];

registerAdminPage({
  path: 'agents',
  label: 'agents.title',
  roles: ADMINS,
  render: crudPage({
    title: 'agents.title',
    endpoint: '~/agents',
    update: 'patch',
    context: async () => ({ departments: (await api.get('~/departments')).items }),
    columns: [
      { label: 'agents.name', value: (a) => a.name },
      { label: 'agents.email', value: (a) => a.email },
      { label: 'agents.roles', value: (a) => a.roles.map((r) => t(`role.${r}`)).join(', ') },
      { label: 'agents.departments', value: (a, c) => a.departmentIds
        .map((id) => c.departments.find((d) => d.id === id)?.name ?? id).join(', ') },
      { label: 'agents.active', value: (a) => yesNo(a.active) },
    ],
    // Email and password are set when the agent is added; agents change their own password later.
    fields: (c, agent) => [
      agent ? null : { name: 'email', label: t('agents.email'), required: true },
      { name: 'name', label: t('agents.name'), required: true },
      agent ? null : { name: 'password', label: t('agents.password'), kind: 'password', required: true },
      { name: 'roles', label: t('agents.roles'), kind: 'multi', options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
      { name: 'departmentIds', label: t('agents.departments'), kind: 'multi',
        options: c.departments.map((d) => ({ value: d.id, label: d.name })) },
    ].filter(Boolean),
    values: (a) => a,
    defaults: { roles: ['AGENT'] },
    body: (v) => ({ ...v, departmentIds: v.departmentIds.map(Number) }),
    remove: { label: 'agents.deactivate', confirm: 'agents.confirm', done: (a) => !a.active },
  }),
});
