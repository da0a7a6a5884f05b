// Departments: the queues conversations are routed and transferred to.
import { addTexts, t } from '../i18n.js';
import { crudPage } from './crud.js';
import { ADMINS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'departments.title': 'Departments', 'departments.name': 'Name', 'departments.description': 'Description',
    'departments.delete': 'Delete', 'departments.confirm': 'Delete the department "{name}"?',
  },
  ru: {
    'departments.title': 'Отделы', 'departments.name': 'Название', 'departments.description': 'Описание',
    'departments.delete': 'Удалить', 'departments.confirm': 'Удалить отдел «{name}»?',
  },
});

registerAdminPage({
  path: 'departments',
  label: 'departments.title',
  roles: ADMINS,
  render: crudPage({
    title: 'departments.title',
    endpoint: '~/departments',
    columns: [
      { label: 'departments.name', value: (d) => d.name },
      { label: 'departments.description', value: (d) => d.description ?? '' },
    ],
    fields: () => [
      { name: 'name', label: t('departments.name'), required: true },
      { name: 'description', label: t('departments.description'), kind: 'textarea' },
    ],
    values: (d) => ({ name: d.name, description: d.description }),
    body: (v) => ({ name: v.name, description: v.description || null }),
    remove: { label: 'departments.delete', confirm: 'departments.confirm' },
  }),
});
