// The outbox: what modules owe their vendors. Dead jobs show why they died and can be retried
// (fresh attempts, same idempotency key) or discarded. The list refreshes itself while jobs are
// still on their way, so a retried job is seen arriving at DONE.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { addTexts, t } from '../i18n.js';
import { navigate } from '../views.js';
import { INTEGRATORS, registerAdminPage } from './pages.js';

addTexts({
  en: {
    'outbox.title': 'Outbox', 'outbox.state': 'State', 'outbox.module': 'Module', 'outbox.all': 'All',
    'outbox.job': 'Job', 'outbox.attempts': 'Attempts', 'outbox.lastError': 'Last error', 'outbox.created': 'Created',
    'outbox.next': 'Next attempt', 'outbox.retry': 'Retry', 'outbox.discard': 'Discard', 'outbox.refresh': 'Refresh',
    'outbox.empty': 'No jobs.', 'outbox.older': 'Older jobs', 'outbox.retried': 'Job {id} is queued again.',
    'outbox.discarded': 'Job {id} is discarded.', 'outbox.confirmDiscard': 'Discard job {id}? It will not be delivered.',
  },
  ru: {
    'outbox.title': 'Очередь доставки', 'outbox.state': 'Состояние', 'outbox.module': 'Модуль', 'outbox.all': 'Все',
    'outbox.job': 'Задание', 'outbox.attempts': 'Попытки', 'outbox.lastError': 'Последняя ошибка', 'outbox.created': 'Создано',
    'outbox.next': 'Следующая попытка', 'outbox.retry': 'Повторить', 'outbox.discard': 'Отбросить', 'outbox.refresh': 'Обновить',
    'outbox.empty': 'Заданий нет.', 'outbox.older': 'Более ранние', 'outbox.retried': 'Задание {id} снова в очереди.',
    'outbox.discarded': 'Задание {id} отброшено.', 'outbox.confirmDiscard': 'Отбросить задание {id}? Оно не будет доставлено.',
  },
});

const STATES = ['PENDING', 'IN_FLIGHT', 'DONE', 'DEAD', 'PAUSED', 'DISCARDED'];
const UNDERWAY = ['PENDING', 'IN_FLIGHT'];
const REFRESH_MS = 2000;

registerAdminPage({
  path: 'outbox',
  label: 'outbox.title',
  roles: INTEGRATORS,
  render: renderOutbox,
});

/** #/admin/outbox/<state|all>/<module|all>: the filter is in the address, so a reload keeps it. */
function renderOutbox(container, [stateParam = 'all', moduleParam = 'all']) {
  const state = STATES.includes(stateParam) ? stateParam : '';
  const module = moduleParam === 'all' ? '' : moduleParam;
  const status = h('p', { class: 'status', role: 'status', id: 'outbox-status' });
  const list = h('div', { class: 'list' });
  const stateFilter = h('select', { name: 'state', id: 'outbox-state', onchange: refilter },
    h('option', { value: '' }, t('outbox.all')), STATES.map((s) => h('option', { value: s, selected: s === state }, s)));
  const moduleFilter = h('select', { name: 'module', id: 'outbox-module', onchange: refilter },
    h('option', { value: '' }, t('outbox.all')));
  let timer = null;
  let left = false;

  function refilter() {
    navigate(`admin/outbox/${stateFilter.value || 'all'}/${encodeURIComponent(moduleFilter.value || 'all')}`);
  }

  async function loadModules() {
    try {
      const { items } = await api.get('~/modules');
      moduleFilter.append(...items.map((m) => h('option', { value: m.id, selected: m.id === module }, m.name)));
    } catch {
      // The list still works without the module names; the filter then offers "All" only.
    }
  }

  function query(cursor) {
    const params = new URLSearchParams();
    if (state) params.set('state', state);
    if (module) params.set('module', module);
    if (cursor) params.set('cursor', cursor);
    return `~/outbox?${params}`;
  }

  async function load() {
    clearTimeout(timer);
    try {
      const page = await api.get(query());
      if (left) return;
      const rows = h('tbody', {}, page.items.map(row));
      clear(list, page.items.length ? table(rows) : h('p', { class: 'muted' }, t('outbox.empty')), olderButton(rows, page.next));
      if (page.items.some((j) => UNDERWAY.includes(j.state))) timer = setTimeout(load, REFRESH_MS);
    } catch (error) {
      clear(list, h('p', { class: 'form-error', role: 'alert' }, error.message));
    }
  }

  // Older pages are appended below; refreshing would drop them, so it stops until Refresh is pressed.
  function olderButton(rows, cursor) {
    if (!cursor) return null;
    const button = h('button', { type: 'button', class: 'older', onclick: async () => {
      clearTimeout(timer);
      try {
        const page = await api.get(query(cursor));
        rows.append(...page.items.map(row));
        button.replaceWith(olderButton(rows, page.next) || '');
      } catch (error) {
        status.textContent = error.message;
      }
    } }, t('outbox.older'));
    return button;
  }

  function table(rows) {
    return h('table', { class: 'grid outbox', id: 'outbox-jobs' },
      h('thead', {}, h('tr', {}, ['outbox.job', 'outbox.module', 'outbox.state', 'outbox.attempts', 'outbox.lastError',
        'outbox.created', ''].map((k) => h('th', {}, k ? t(k) : '')))),
      rows);
  }

  function row(j) {
    return h('tr', { dataset: { job: j.id, state: j.state } },
      h('td', {}, `#${j.id} `, h('span', { class: 'muted' }, j.type ?? j.kind)),
      h('td', {}, j.module),
      h('td', {}, h('span', { class: `badge job-${j.state.toLowerCase()}` }, j.state),
        j.nextAttemptAt && UNDERWAY.includes(j.state)
          ? h('div', { class: 'muted' }, `${t('outbox.next')}: ${new Date(j.nextAttemptAt).toLocaleTimeString()}`) : null),
      h('td', {}, `${j.attempts}/${j.maxAttempts}`),
      h('td', { class: 'last-error' }, j.lastError ?? ''),
      h('td', {}, new Date(j.createdAt).toLocaleString()),
      h('td', { class: 'row-actions' },
        ['DEAD', 'DISCARDED'].includes(j.state) ? action(j, 'retry') : null,
        !['DONE', 'DISCARDED'].includes(j.state) ? action(j, 'discard') : null));
  }

  function action(job, kind) {
    return h('button', { type: 'button', class: `link ${kind}${kind === 'discard' ? ' danger' : ''}`, onclick: async () => {
      if (kind === 'discard' && !confirm(t('outbox.confirmDiscard', { id: job.id }))) return;
      try {
        await api.post(`~/outbox/${job.id}/${kind}`);
        status.textContent = t(kind === 'retry' ? 'outbox.retried' : 'outbox.discarded', { id: job.id });
      } catch (error) {
        status.textContent = error.message;
      }
      load();
    } }, t(`outbox.${kind}`));
  }

  clear(container, h('h1', {}, t('outbox.title')),
    h('div', { class: 'filters' },
      h('label', {}, t('outbox.state'), stateFilter), h('label', {}, t('outbox.module'), moduleFilter),
      h('button', { type: 'button', id: 'outbox-refresh', onclick: load }, t('outbox.refresh'))),
    status, list);
  loadModules();
  load();
  return () => { left = true; clearTimeout(timer); };
}
