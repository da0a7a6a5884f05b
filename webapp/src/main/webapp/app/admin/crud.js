// One list-and-form page for the simple admin collections (departments, categories, saved
// replies…): a table of what exists, and a form to add or change one, driven by a small spec.
import { api } from '../api.js';
import { h, clear, showProblem } from '../dom.js';
import { addTexts, t } from '../i18n.js';
import { fieldRow, readField } from './fields.js';

addTexts({
  en: {
    'crud.new': 'Add', 'crud.edit': 'Edit', 'crud.save': 'Save', 'crud.cancel': 'Cancel', 'crud.saved': 'Saved.',
    'crud.empty': 'Nothing here yet.', 'crud.actions': 'Actions', 'crud.newTitle': 'New', 'crud.editTitle': 'Change',
    'crud.yes': 'yes', 'crud.no': 'no',
  },
  ru: {
    'crud.new': 'Добавить', 'crud.edit': 'Изменить', 'crud.save': 'Сохранить', 'crud.cancel': 'Отмена',
    'crud.saved': 'Сохранено.', 'crud.empty': 'Пока ничего нет.', 'crud.actions': 'Действия',
    'crud.newTitle': 'Новая запись', 'crud.editTitle': 'Изменение', 'crud.yes': 'да', 'crud.no': 'нет',
  },
});

/**
 * @param spec {title: i18n key, endpoint: '~/categories', columns: [{label, value(item, context)}],
 *   fields(context, item): the form's fields (item is null for a new one), values(item): the form's
 *   values for an item, body(values, item): the request body, update: 'put' (default) or 'patch',
 *   defaults: optional, the values a new one starts with,
 *   context(): optional, loads what the page looks up (departments for agents),
 *   remove: optional {label, confirm, done(item)} for the row's remove button (DELETE)}
 * @return the page's render(container)
 */
export function crudPage(spec) {
  return (container) => {
    const status = h('p', { class: 'status', role: 'status' });
    const editor = h('div', { class: 'editor' });
    const list = h('div', { class: 'list' });
    let context = {};

    async function reload() {
      try {
        context = spec.context ? await spec.context() : {};
        const { items } = await api.get(spec.endpoint);
        clear(list, items.length ? table(items) : h('p', { class: 'muted' }, t('crud.empty')));
      } catch (error) {
        clear(list, h('p', { class: 'form-error', role: 'alert' }, error.message));
      }
    }

    function table(items) {
      return h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, spec.columns.map((c) => h('th', {}, t(c.label))), h('th', {}, t('crud.actions')))),
        h('tbody', {}, items.map((item) => h('tr', { dataset: { id: item.id } },
          spec.columns.map((c) => h('td', {}, c.value(item, context))),
          h('td', { class: 'row-actions' },
            h('button', { type: 'button', class: 'link edit', onclick: () => open(item) }, t('crud.edit')),
            spec.remove && removeButton(item))))));
    }

    function removeButton(item) {
      if (spec.remove.done?.(item)) return null;
      return h('button', { type: 'button', class: 'link danger remove', onclick: async () => {
        if (!confirm(t(spec.remove.confirm, item))) return;
        try {
          await api.del(`${spec.endpoint}/${item.id}`);
          status.textContent = t('crud.saved');
          await reload();
        } catch (error) {
          status.textContent = error.message;
        }
      } }, t(spec.remove.label));
    }

    function open(item) {
      const fields = spec.fields(context, item);
      const values = item ? spec.values(item) : spec.defaults || {};
      const form = h('form', { class: 'card crud-form', novalidate: true },
        h('h2', {}, t(item ? 'crud.editTitle' : 'crud.newTitle')),
        fields.map((f) => fieldRow(f, values[f.name])),
        h('div', { class: 'buttons' },
          h('button', { type: 'submit', class: 'primary' }, t('crud.save')),
          h('button', { type: 'button', onclick: close }, t('crud.cancel'))));
      form.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const entered = Object.fromEntries(fields.map((f) => [f.name, readField(form, f)]));
        try {
          const body = spec.body(entered, item);
          if (!item) await api.post(spec.endpoint, body);
          else await api[spec.update || 'put'](`${spec.endpoint}/${item.id}`, body);
          close();
          status.textContent = t('crud.saved');
          await reload();
        } catch (error) {
          showProblem(form, error);
        }
      });
      clear(editor, form);
      status.textContent = '';
      form.querySelector('input, select, textarea')?.focus();
    }

    // Back to the Add button, so a keyboard user carries on from where the form was opened.
    function close() {
      clear(editor);
      container.querySelector('button.new')?.focus();
    }

    clear(container,
      h('div', { class: 'page-head' }, h('h1', {}, t(spec.title)),
        h('button', { type: 'button', class: 'primary new', onclick: () => open(null) }, t('crud.new'))),
      status, editor, list);
    reload();
  };
}

export function yesNo(value) {
  return t(value ? 'crud.yes' : 'crud.no');
}
