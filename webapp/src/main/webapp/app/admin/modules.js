// Modules: the tenant's catalogue of plugins and, per module, a settings form generated from the
// module's configSchema, test connection and the audit log of changes. Secret values never come back
// from the server; their inputs start empty, and an empty one keeps what is stored.
import { api } from '../api.js';
import { h, clear, showProblem } from '../dom.js';
import { addTexts, t } from '../i18n.js';
import { asList, fieldRow, plainOptions, readField } from './fields.js';
import { fieldHelp, fieldLabel } from './module-texts.js';
import { INTEGRATORS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'modules.title': 'Modules', 'modules.name': 'Module', 'modules.state': 'State', 'modules.on': 'Enabled',
    'modules.off': 'Disabled', 'modules.configure': 'Configure', 'modules.refused': 'Plugin jars not loaded',
    'modules.back': 'All modules', 'modules.enabled': 'Enabled: the module receives events and may act',
    'modules.save': 'Save', 'modules.saved': 'Saved.', 'modules.test': 'Test connection', 'modules.testing': 'Testing…',
    'modules.testOk': 'Connection works: {message}', 'modules.testFailed': 'Connection failed: {message}',
    'modules.secretSet': 'set', 'modules.secretNotSet': 'not set',
    'modules.secretHelp': 'Leave empty to keep the stored value.', 'modules.default': 'Default: {value}',
    'modules.linesHelp': 'One a line.', 'modules.history': 'Change history', 'modules.when': 'When',
    'modules.who': 'Who', 'modules.action': 'Change', 'modules.keys': 'Fields', 'modules.noHistory': 'No changes yet.',
    'modules.outbox': 'Deliveries of this module', 'modules.chooseDefault': '(default)',
  },
  ru: {
    'modules.title': 'Модули', 'modules.name': 'Модуль', 'modules.state': 'Состояние', 'modules.on': 'Включён',
    'modules.off': 'Выключен', 'modules.configure': 'Настроить', 'modules.refused': 'Не загруженные модули',
    'modules.back': 'Все модули', 'modules.enabled': 'Включён: модуль получает события и может действовать',
    'modules.save': 'Сохранить', 'modules.saved': 'Сохранено.', 'modules.test': 'Проверить подключение',
    'modules.testing': 'Проверяем…', 'modules.testOk': 'Подключение работает: {message}',
    'modules.testFailed': 'Подключение не удалось: {message}',
    'modules.secretSet': 'задан', 'modules.secretNotSet': 'не задан',
    'modules.secretHelp': 'Оставьте пустым, чтобы сохранить прежнее значение.', 'modules.default': 'По умолчанию: {value}',
    'modules.linesHelp': 'По одному в строке.', 'modules.history': 'История изменений', 'modules.when': 'Когда',
    'modules.who': 'Кто', 'modules.action': 'Изменение', 'modules.keys': 'Поля', 'modules.noHistory': 'Изменений пока не было.',
    'modules.outbox': 'Доставки этого модуля', 'modules.chooseDefault': '(по умолчанию)',
  },
});

registerAdminPage({
  path: 'modules',
  label: 'modules.title',
  roles: INTEGRATORS,
  render: (container, [moduleId]) => (moduleId ? renderModule(container, moduleId) : renderCatalogue(container)),
});

async function renderCatalogue(container) {
  clear(container, h('h1', {}, t('modules.title')));
  try {
    const { items, refused } = await api.get('~/modules');
    container.append(h('table', { class: 'grid modules' },
      h('thead', {}, h('tr', {}, h('th', {}, t('modules.name')), h('th', {}, t('modules.state')), h('th', {}, ''))),
      h('tbody', {}, items.map((m) => h('tr', { dataset: { module: m.id } },
        h('td', {}, h('strong', {}, m.name), ' ', h('span', { class: 'muted' }, `${m.id} ${m.version ?? ''}`),
          m.description ? h('div', { class: 'muted' }, m.description) : null),
        h('td', {}, stateBadge(m.enabled)),
        h('td', {}, h('a', { href: `#/admin/modules/${encodeURIComponent(m.id)}`, class: 'configure' }, t('modules.configure'))))))));
    if (refused?.length) {
      container.append(h('h2', {}, t('modules.refused')),
        h('ul', { class: 'refused' }, refused.map((r) => h('li', {}, `${r.source}: ${r.reason}`))));
    }
  } catch (error) {
    container.append(h('p', { class: 'form-error', role: 'alert' }, error.message));
  }
}

function stateBadge(enabled) {
  return h('span', { class: `badge ${enabled ? 'enabled' : 'disabled'}` }, t(enabled ? 'modules.on' : 'modules.off'));
}

async function renderModule(container, moduleId) {
  const path = `~/modules/${encodeURIComponent(moduleId)}`;
  const status = h('span', { class: 'status', role: 'status', id: 'module-status' });
  const testResult = h('p', { class: 'test-result', role: 'status', id: 'module-test-result' });
  const history = h('div', { class: 'history' });
  const formSlot = h('div');
  clear(container, h('p', {}, h('a', { href: '#/admin/modules' }, `← ${t('modules.back')}`)), formSlot, history);

  function show(module) {
    const fields = module.configSchema.map((f) => formField(f, module));
    const enabled = h('input', { type: 'checkbox', name: 'module-enabled', id: 'module-enabled', checked: module.enabled });
    const test = h('button', { type: 'button', id: 'module-test', onclick: () => testConnection(test) }, t('modules.test'));
    const form = h('form', { class: 'card module-form', id: 'module-form', novalidate: true },
      h('div', { class: 'page-head' }, h('h1', {}, module.name), stateBadge(module.enabled)),
      module.description ? h('p', { class: 'muted' }, module.description) : null,
      h('label', { class: 'check' }, enabled, t('modules.enabled')),
      h('div', { class: 'fields' }, fields.map(({ field, value }) => fieldRow(field, value))),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', id: 'module-save' }, t('modules.save')), test,
        h('a', { href: `#/admin/outbox/all/${encodeURIComponent(module.id)}` }, t('modules.outbox')), status),
      testResult);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.textContent = '';
      try {
        const saved = await api.put(path, { enabled: enabled.checked, config: configFrom(form, fields, module) });
        show(saved);
        formSlot.querySelector('#module-save').focus();
        status.textContent = t('modules.saved');
        loadHistory();
      } catch (error) {
        showProblem(form, error);
      }
    });
    clear(formSlot, form);
  }

  async function testConnection(button) {
    button.disabled = true;
    testResult.className = 'test-result';
    testResult.textContent = t('modules.testing');
    try {
      const check = await api.post(`${path}/test`);
      testResult.classList.add(check.ok ? 'ok' : 'failed');
      testResult.textContent = t(check.ok ? 'modules.testOk' : 'modules.testFailed', { message: check.detail ?? '' });
    } catch (error) {
      testResult.classList.add('failed');
      testResult.textContent = t('modules.testFailed', { message: error.message });
    } finally {
      button.disabled = false;
    }
  }

  async function loadHistory() {
    try {
      const [{ items }, team] = await Promise.all([api.get(`${path}/history`), agentNames()]);
      clear(history, h('h2', {}, t('modules.history')), items.length
        ? h('table', { class: 'grid', id: 'module-history' },
          h('thead', {}, h('tr', {}, ['modules.when', 'modules.who', 'modules.action', 'modules.keys'].map((k) => h('th', {}, t(k))))),
          h('tbody', {}, items.map((c) => h('tr', {},
            h('td', {}, new Date(c.changedAt).toLocaleString()), h('td', {}, team.get(c.agentId) ?? c.agentId ?? '—'),
            h('td', {}, c.action), h('td', {}, c.changedKeys ?? '')))))
        : h('p', { class: 'muted' }, t('modules.noHistory')));
    } catch (error) {
      clear(history, h('p', { class: 'form-error' }, error.message));
    }
  }

  try {
    show(await api.get(path));
    loadHistory();
  } catch (error) {
    clear(formSlot, h('p', { class: 'form-error', role: 'alert' }, error.message));
  }
}

/** Integrators may not list the team; the history then shows agent ids. */
async function agentNames() {
  try {
    return new Map((await api.get('~/agents')).items.map((a) => [a.id, a.name]));
  } catch {
    return new Map();
  }
}

/** One schema field as a form field and the value it starts with. */
function formField(schema, module) {
  const stored = module.config[schema.key];
  const help = fieldHelp(module.id, schema);
  const field = { name: schema.key, label: fieldLabel(module.id, schema), required: schema.required,
    help, placeholder: schema.defaultValue ? t('modules.default', { value: schema.defaultValue }) : null };
  switch (schema.type) {
    case 'SECRET':
      return { field: { ...field, kind: 'password', placeholder: null, help: [help, t('modules.secretHelp')].filter(Boolean).join(' '),
        hint: t(module.secrets[schema.key] === 'set' ? 'modules.secretSet' : 'modules.secretNotSet') }, value: '' };
    case 'BOOLEAN':
      return { field: { ...field, kind: 'checkbox' }, value: String(stored ?? schema.defaultValue) === 'true' };
    case 'ENUM': {
      const blank = schema.required && !schema.defaultValue ? [] : [{ value: '', label: schema.defaultValue
        ? t('modules.default', { value: schema.defaultValue }) : t('modules.chooseDefault') }];
      return { field: { ...field, kind: 'select', options: [...blank, ...plainOptions(schema.options)] }, value: stored ?? '' };
    }
    case 'LIST':
      return schema.options.length
        ? { field: { ...field, kind: 'multi', options: plainOptions(schema.options) }, value: asList(stored ?? schema.defaultValue) }
        : { field: { ...field, kind: 'lines', help: [help, t('modules.linesHelp')].filter(Boolean).join(' ') }, value: asList(stored) };
    default:
      return { field: { ...field, inputmode: schema.type === 'INTEGER' ? 'numeric' : schema.type === 'URL' ? 'url' : null },
        value: stored ?? '' };
  }
}

/**
 * The config to send: what the admin typed, without the fields left blank, so the server applies
 * their defaults, and without empty secrets, which the server reads as "keep the stored one".
 * A field whose empty value is a setting of its own (emptyAllowed) is sent empty once it was stored.
 */
function configFrom(form, fields, module) {
  const config = {};
  for (const { field } of fields) {
    const schema = module.configSchema.find((s) => s.key === field.name);
    const value = readField(form, field);
    const blank = value === '' || (Array.isArray(value) && value.length === 0);
    if (!blank || (schema.emptyAllowed && schema.key in module.config)) config[schema.key] = value;
  }
  return config;
}
