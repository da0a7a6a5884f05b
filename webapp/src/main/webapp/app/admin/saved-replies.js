// Saved replies: templates agents insert. "Hold" marks replies such as "Одну минуту…" that keep a
// conversation from being auto-closed while the customer waits on us.
import { addTexts, t } from '../i18n.js';
import { crudPage, yesNo } from './crud.js';
import { asList } from './fields.js';
import { ADMINS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'replies.title': 'Saved replies', 'replies.name': 'Title', 'replies.body': 'Text', 'replies.language': 'Language',
    'replies.tags': 'Tags', 'replies.tagsHelp': 'Comma-separated.', 'replies.hold': 'Hold: keeps the conversation open',
    'replies.holdColumn': 'Hold', 'replies.bodyHelp': 'Placeholders: {{customer.name}}, {{customer.email}}, {{customer.phone}}, {{agent.name}}.',
    'replies.delete': 'Delete', 'replies.confirm': 'Delete the saved reply "{title}"?',
  },
  ru: {
    'replies.title': 'Шаблоны ответов', 'replies.name': 'Заголовок', 'replies.body': 'Текст', 'replies.language': 'Язык',
    'replies.tags': 'Теги', 'replies.tagsHelp': 'Через запятую.', 'replies.hold': 'Удержание: обращение не закрывается',
    'replies.holdColumn': 'Удержание', 'replies.bodyHelp': 'Подстановки: {{customer.name}}, {{customer.email}}, {{customer.phone}}, {{agent.name}}.',
    'replies.delete': 'Удалить', 'replies.confirm': 'Удалить шаблон «{title}»?',
  },
});

registerAdminPage({
  path: 'saved-replies',
  label: 'replies.title',
  roles: ADMINS,
  render: crudPage({
    title: 'replies.title',
    endpoint: '~/saved-replies',
    columns: [
      { label: 'replies.name', value: (r) => r.title },
      { label: 'replies.language', value: (r) => r.language.toUpperCase() },
      { label: 'replies.tags', value: (r) => r.tags.join(', ') },
      { label: 'replies.holdColumn', value: (r) => yesNo(r.hold) },
    ],
    fields: () => [
      { name: 'title', label: t('replies.name'), required: true },
      { name: 'body', label: t('replies.body'), kind: 'textarea', required: true, help: t('replies.bodyHelp') },
      { name: 'language', label: t('replies.language'), kind: 'select',
        options: [{ value: 'ru', label: 'Русский' }, { value: 'en', label: 'English' }] },
      { name: 'tags', label: t('replies.tags'), help: t('replies.tagsHelp') },
      { name: 'hold', label: t('replies.hold'), kind: 'checkbox' },
    ],
    values: (r) => ({ ...r, tags: r.tags.join(', ') }),
    body: (v) => ({ title: v.title, body: v.body, language: v.language, tags: asList(v.tags), hold: v.hold }),
    remove: { label: 'replies.delete', confirm: 'replies.confirm' },
  }),
});
