// Form controls shared by every admin form. Each control carries the API field's name, so the
// server's field errors land next to it (dom.js showProblem finds inputs by name).
import { h } from '../dom.js';

/**
 * @param field {name, label, kind: 'text' | 'password' | 'textarea' | 'lines' | 'checkbox' | 'select'
 *   | 'multi', options: [{value, label}] (select, multi), required, placeholder, help, hint}
 * @param value the current value: a string, a boolean (checkbox) or a list (lines, multi)
 * @return the labelled row for the form
 */
export function fieldRow(field, value) {
  const help = field.help ? h('small', { class: 'help', id: `help-${field.name}` }, field.help) : null;
  const hint = field.hint ? h('small', { class: 'hint', dataset: { hintFor: field.name } }, field.hint) : null;
  const input = control(field, value, help ? `help-${field.name}` : null);
  if (field.kind === 'checkbox') {
    return h('div', { class: 'field' }, h('label', { class: 'check' }, input, field.label), help);
  }
  const suggestions = field.suggestions
    ? h('datalist', { id: `list-${field.name}` }, field.suggestions.map((s) => h('option', { value: s })))
    : null;
  if (suggestions) input.setAttribute('list', suggestions.id);
  return h('div', { class: 'field' },
    h('label', {}, h('span', {}, field.label, field.required ? ' *' : null, hint), input), suggestions, help);
}

function control(field, value, describedBy) {
  const common = { name: field.name, id: `field-${field.name}`, required: field.required,
    'aria-describedby': describedBy, placeholder: field.placeholder };
  switch (field.kind) {
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: !!value, placeholder: null });
    case 'password':
      // Never filled from the server: what is stored stays there unless a new value is typed.
      return h('input', { ...common, type: 'password', autocomplete: 'new-password', value: '' });
    case 'textarea':
      return h('textarea', { ...common, rows: 4 }, value ?? '');
    case 'lines':
      return h('textarea', { ...common, rows: 4 }, asList(value).join('\n'));
    case 'select':
      return h('select', { ...common, placeholder: null },
        field.options.map((o) => h('option', { value: o.value, selected: String(value ?? '') === String(o.value) }, o.label)));
    case 'multi': {
      const chosen = asList(value).map(String);
      return h('select', { ...common, multiple: true, size: Math.max(2, Math.min(field.options.length, 8)), placeholder: null },
        field.options.map((o) => h('option', { value: o.value, selected: chosen.includes(String(o.value)) }, o.label)));
    }
    default:
      return h('input', { ...common, type: 'text', value: value ?? '', inputmode: field.inputmode });
  }
}

/** The value a control holds, in the shape fieldRow takes: text, a boolean or a list. */
export function readField(form, field) {
  const input = form.elements.namedItem(field.name);
  switch (field.kind) {
    case 'checkbox': return input.checked;
    case 'lines': return input.value.split('\n').map((line) => line.trim()).filter(Boolean);
    case 'multi': return [...input.selectedOptions].map((o) => o.value);
    default: return input.value;
  }
}

export function asList(value) {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === '') return [];
  return String(value).split(',').map((v) => v.trim()).filter(Boolean);
}

/** Options from plain values, each shown as itself. */
export function plainOptions(values) {
  return values.map((v) => ({ value: v, label: v }));
}
