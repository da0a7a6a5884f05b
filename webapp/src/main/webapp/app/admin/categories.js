// Categories: what conversations are about. THIRD_PARTY ones wait on the vendor; removing archives.
import { addTexts, t } from '../i18n.js';
import { crudPage } from './crud.js';
import { ADMINS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'categories.title': 'Categories', 'categories.name': 'Name', 'categories.scope': 'Scope',
    'categories.OWN': 'Our own', 'categories.THIRD_PARTY': 'Third party (waits on the vendor)',
    'categories.archive': 'Archive', 'categories.confirm': 'Archive the category "{name}"? Old conversations keep it.',
  },
  ru: {
    'categories.title': 'Категории', 'categories.name': 'Название', 'categories.scope': 'Область',
    'categories.OWN': 'Наша', 'categories.THIRD_PARTY': 'Сторонняя (ждём поставщика)',
    'categories.archive': 'В архив', 'categories.confirm': 'Отправить категорию «{name}» в архив? Старые обращения её сохранят.',
  },
});

const SCOPES = ['OWN', 'THIRD_PARTY'];

registerAdminPage({
  path: 'categories',
  label: 'categories.title',
  roles: ADMINS,
  render: crudPage({
    title: 'categories.title',
    endpoint: '~/categories',
    columns: [
      { label: 'categories.name', value: (c) => c.name },
      { label: 'categories.scope', value: (c) => t(`categories.${c.scope}`) },
    ],
    fields: () => [
      { name: 'name', label: t('categories.name'), required: true },
      { name: 'scope', label: t('categories.scope'), kind: 'select',
        options: SCOPES.map((s) => ({ value: s, label: t(`categories.${s}`) })) },
    ],
    values: (c) => ({ name: c.name, scope: c.scope }),
    body: (v) => ({ name: v.name, scope: v.scope }),
    remove: { label: 'categories.archive', confirm: 'categories.confirm' },
  }),
});
