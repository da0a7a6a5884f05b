// One form over a group of the tenant's support rules (GET ~/rules, PUT ~/rules/<group>): each PUT
// replaces its group, so the form always sends every field it shows.
import { api, ApiError } from '../api.js';
import { h, clear, showProblem } from '../dom.js';
import { t } from '../i18n.js';
import { fieldRow, readField } from './fields.js';

/**
 * @param spec {title: i18n key, intro: i18n key, endpoint: '~/rules/auto-close', fields(context),
 *   values(rules), body(values), context(): optional, loads what the fields offer (SLA policies),
 *   field(serverField): optional, the form field a server error is about}
 */
export function settingsPage(spec) {
  return async (container) => {
    const status = h('p', { class: 'status', role: 'status' });
    clear(container, h('h1', {}, t(spec.title)), h('p', { class: 'muted' }, t(spec.intro)), status);
    let rules;
    let context;
    try {
      [rules, context] = await Promise.all([api.get('~/rules'), spec.context ? spec.context() : {}]);
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    const fields = spec.fields(context);
    const values = spec.values(rules);
    const form = h('form', { class: 'card settings-form', novalidate: true },
      h('div', { class: 'fields' }, fields.map((f) => fieldRow(f, values[f.name]))),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('crud.save'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      const entered = Object.fromEntries(fields.map((f) => [f.name, readField(form, f)]));
      try {
        await api.put(spec.endpoint, spec.body(entered));
        form.querySelectorAll('.field-error, .form-error').forEach((e) => e.remove());
        status.textContent = t('crud.saved');
      } catch (error) {
        showProblem(form, error instanceof ApiError && spec.field ? aboutFields(error, spec.field) : error);
      }
    });
    container.append(form);
  };
}

function aboutFields(error, field) {
  return { message: error.message,
    fieldErrors: error.fieldErrors.map((e) => ({ field: field(e.field), message: e.message })) };
}
