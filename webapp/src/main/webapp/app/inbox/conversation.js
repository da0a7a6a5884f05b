// One conversation: the timeline (internal notes unmistakably amber), the reply box with its
// Reply / Internal note switch and saved replies, the tools of the handbooks, and the customer card.
import { api, session } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { onLive, currentTyping } from './live.js';
import { slaBadge } from './sla.js';
import { directory } from './directory.js';
import { renderCustomerCard } from './customer-card.js';
import { renderComposer } from './composer.js';
import { attachmentLink } from './attachments.js';

const STEPS = ['THANKED', 'EXPLAINED', 'APOLOGISED', 'ACTING', 'ANSWERED'];

export function renderConversation(container, id) {
  const me = session.get().agent;
  const header = h('div', { class: 'conv-header', id: 'conversation-header' });
  const problem = h('p', { class: 'form-error', id: 'conversation-problem', role: 'alert', hidden: true });
  const timeline = h('ol', { class: 'timeline', id: 'timeline', 'aria-live': 'polite' });
  const typing = h('p', { class: 'typing muted', id: 'typing', 'aria-live': 'polite' });
  const tools = h('div', { class: 'conv-tools', id: 'conversation-tools' });
  const card = h('aside', { class: 'customer-card card', id: 'customer-card' });
  const view = { id, conversation: null, fail, refresh, reloadTimeline };
  const composer = renderComposer(view);
  clear(container, h('div', { class: 'conversation-page' },
    h('section', { class: 'conversation' }, header, problem, timeline, typing, composer.element, tools), card));

  function fail(error) {
    problem.hidden = false;
    problem.textContent = error.message;
  }

  async function refresh() {
    try {
      const [conversation, d] = await Promise.all([api.get(`~/conversations/${id}`), directory()]);
      view.conversation = conversation;
      renderHeader(header, conversation, d, view);
      renderTools(tools, conversation, d, view);
      if (!card.dataset.customerId) {
        card.dataset.customerId = conversation.customerId;
        renderCustomerCard(card, conversation.customerId, id);
      }
    } catch (error) {
      fail(error);
    }
  }

  async function reloadTimeline() {
    try {
      const [page, d] = await Promise.all([api.get(`~/conversations/${id}/messages?limit=100`), directory()]);
      clear(timeline, page.items.map((m) => entry(m, d, id)));
      timeline.lastElementChild?.scrollIntoView({ block: 'end' });
    } catch (error) {
      fail(error);
    }
  }

  function showTyping(list) {
    const names = list.filter((x) => x.conversationId === id && x.agentId !== me.id).map((x) => x.agentName);
    typing.textContent = names.map((name) => t('conv.typing', { name })).join(' ');
  }

  refresh();
  reloadTimeline();
  showTyping(currentTyping());
  const stop = onLive((update) => {
    const mine = (update.messages || []).filter((m) => m.conversationId === id);
    if (mine.length) {
      if (mine.some((m) => m.visibility === 'PUBLIC' && m.authorType === 'AGENT' && m.authorAgentId !== me.id)) {
        composer.colleagueReplied();
      }
      reloadTimeline();
    }
    if ((update.conversations || []).some((c) => c.id === id && c.version !== view.conversation?.version)) refresh();
    if (update.typing) showTyping(update.typing);
  });
  return stop;
}

function entry(m, d, conversationId) {
  const internal = m.visibility === 'INTERNAL';
  const system = m.authorType === 'SYSTEM';
  const author = m.authorType === 'AGENT' ? (d.agents.get(m.authorAgentId)?.name || m.authorName || '')
    : system ? t('conv.system') : (m.authorName || t('card.title'));
  const kind = internal ? 'internal' : system ? 'system' : m.authorType === 'CUSTOMER' ? 'customer' : 'agent';
  return h('li', { class: `entry ${kind}`, dataset: { messageId: m.id, visibility: m.visibility } },
    internal ? h('p', { class: 'internal-label' }, t('conv.internalLabel')) : null,
    h('p', { class: 'entry-meta muted' }, author, ' · ', new Date(m.createdAt).toLocaleString()),
    h('div', { class: 'entry-text' }, m.text),
    m.attachments.length ? h('div', { class: 'attachments' }, m.attachments.map((a) => attachmentLink(conversationId, a))) : null);
}

function renderHeader(header, c, d, view) {
  const assignee = c.assigneeId ? d.agents.get(c.assigneeId)?.name : null;
  const me = session.get().agent;
  const external = c.links.filter((l) => l.type !== 'conversation');
  const related = c.links.filter((l) => l.type === 'conversation');
  clear(header,
    h('h1', {}, c.subject || t('conv.conversation', { id: c.id })),
    h('div', { class: 'conv-meta' },
      h('span', { class: 'status', id: 'conversation-status' }, c.status),
      c.ourClient ? h('span', { class: 'badge our' }, t('inbox.ourClient')) : null,
      assignee ? h('span', { class: 'muted' }, t('conv.assignedTo', { name: assignee })) : h('span', { class: 'muted' }, t('inbox.unassignedShort')),
      (c.sla?.timers || []).filter((x) => x.state !== 'MET').map((timer) => slaBadge(timer)),
      external.map((l) => h('a', { class: 'chip external-link', href: l.url, target: '_blank', rel: 'noopener' },
        `${l.type}: ${l.key || ''}${l.status ? ` (${l.status})` : ''}`)),
      related.map((l) => h('a', { class: 'chip related-link', dataset: { kind: l.kind }, href: `#/conversations/${l.conversationId}` },
        t(`link.${l.kind}`, { id: l.conversationId })))),
    h('div', { class: 'conv-actions' },
      c.assigneeId !== me.id && c.status !== 'CLOSED'
        ? h('button', { id: 'assign-me', class: 'primary', onclick: () => act(view, 'post', 'assign', { agentId: 'me' }) }, t('conv.assignMe')) : null,
      categoryPicker(c, d, view),
      c.status === 'CLOSED'
        ? h('button', { id: 'reopen', onclick: () => act(view, 'post', 'reopen') }, t('conv.reopen'))
        : h('button', { id: 'close-conversation', onclick: () => act(view, 'post', 'close') }, t('conv.close'))));
}

function categoryPicker(c, d, view) {
  return h('label', { class: 'inline' }, t('conv.category'),
    h('select', { id: 'category', onchange: (e) => e.target.value && act(view, 'put', 'category', { categoryId: Number(e.target.value) }) },
      h('option', { value: '' }, t('conv.noCategory')),
      d.categories.map((cat) => h('option', { value: cat.id, selected: cat.id === c.categoryId }, cat.name))));
}

/** Calls the conversation's endpoint; a refusal shows the server's reason above the timeline. */
async function act(view, method, path, body) {
  const problem = document.getElementById('conversation-problem');
  try {
    await api[method](`~/conversations/${view.id}/${path}`, body);
    problem.hidden = true;
    await view.refresh();
    view.reloadTimeline();
    return true;
  } catch (error) {
    view.fail(error);
    return false;
  }
}

/**
 * The handbooks' tools beside the reply box. Complaint steps and the callback request follow the
 * conversation; the forms (callback, transfer, modules' actions) are built once, so a live update
 * never wipes what the agent is typing or the answer they were just given.
 */
function renderTools(tools, c, d, view) {
  if (!tools.firstChild) {
    view.toolSlots = { complaint: h('div', { class: 'tool-slot' }), callback: h('div', { class: 'callback-state', id: 'callback-state' }) };
    clear(tools, view.toolSlots.complaint, callbackBox(view.toolSlots.callback, view), transferBox(c, d, view), actionsBox(view));
  }
  clear(view.toolSlots.complaint, complaintBox(c, view));
  clear(view.toolSlots.callback, c.callback ? h('p', { class: 'callback-requested', id: 'callback-requested' },
    h('span', {}, t('conv.callbackRequested', { phone: c.callback.phone || '',
      at: c.callback.preferredAt ? new Date(c.callback.preferredAt).toLocaleString() : '' })), ' ',
    h('button', { type: 'button', id: 'callback-done', onclick: () => act(view, 'del', 'callback') }, t('conv.callbackDone'))) : null);
}

function complaintBox(c, view) {
  if (!c.complaint) {
    return h('div', { class: 'tool' }, h('button', { id: 'mark-complaint', onclick: () => act(view, 'post', 'complaint') }, t('conv.complaint')));
  }
  const done = c.complaintProgress?.steps || [];
  return h('fieldset', { class: 'tool complaint', id: 'complaint-steps' },
    h('legend', {}, t('conv.complaintSteps'), ' ', h('span', { class: 'muted', id: 'complaint-progress' },
      c.complaintProgress?.answered ? t('conv.complaintAnswered') : t('conv.complaintProgress', { done: done.length, of: STEPS.length }))),
    STEPS.map((step) => h('label', { class: 'check', dataset: { step } },
      h('input', { type: 'checkbox', name: step, checked: done.includes(step), disabled: done.includes(step) || STEPS[done.length] !== step,
        onchange: () => act(view, 'post', 'complaint/steps', { step }) }), t(`step.${step}`))));
}

function callbackBox(state, view) {
  const form = h('form', { class: 'tool callback', id: 'callback-form', onsubmit: async (e) => {
    e.preventDefault();
    const at = form.preferredAt.value ? new Date(form.preferredAt.value).toISOString() : null;
    if (await act(view, 'put', 'callback', { phone: form.phone.value.trim(), preferredAt: at })) form.reset();
  } },
  h('strong', {}, t('conv.callback')), state,
  h('div', { class: 'tool-row' },
    h('input', { name: 'phone', type: 'tel', autocomplete: 'off', 'aria-label': t('conv.callbackPhone'), placeholder: t('conv.callbackPhone') }),
    h('input', { name: 'preferredAt', type: 'datetime-local', 'aria-label': t('conv.callbackAt'), title: t('conv.callbackAt') }),
    h('button', { type: 'submit' }, t('conv.callbackSave'))));
  return form;
}

function transferBox(c, d, view) {
  const reasons = h('select', { name: 'reasonId', 'aria-label': t('conv.reason') }, h('option', { value: '' }, t('conv.noReason')));
  api.get('~/transfer-reasons').then((page) => page.items.filter((r) => !r.archived)
    .forEach((r) => reasons.append(h('option', { value: r.id }, r.name)))).catch(() => {});
  const result = h('p', { class: 'tool-result', id: 'transfer-result', role: 'status' });
  const form = h('form', { class: 'tool transfer', id: 'transfer-form', onsubmit: async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const body = { departmentId: Number(form.departmentId.value), reasonId: form.reasonId.value ? Number(form.reasonId.value) : null };
      if (form.note.value.trim()) body.note = form.note.value.trim();
      const opened = await api.post(`~/conversations/${view.id}/transfer`, body);
      document.getElementById('conversation-problem').hidden = true;
      form.reset();
      clear(result, t('conv.transferred', { department: d.departments.find((x) => x.id === opened.departmentId)?.name || '' }), ' ',
        h('a', { href: `#/conversations/${opened.id}`, class: 'chip', id: 'transfer-request' }, `#${opened.id}`));
      await view.refresh();
      view.reloadTimeline();
    } catch (error) {
      view.fail(error);
    } finally {
      button.disabled = false;
    }
  } },
  h('strong', {}, t('conv.transfer')),
  h('div', { class: 'tool-row' },
    h('select', { name: 'departmentId', required: true, 'aria-label': t('conv.transferTo') },
      h('option', { value: '' }, t('conv.transferTo')),
      d.departments.filter((dep) => dep.id !== c.departmentId).map((dep) => h('option', { value: dep.id }, dep.name))),
    reasons),
  h('textarea', { name: 'note', rows: 2, maxlength: 2000, 'aria-label': t('conv.transferNote'), placeholder: t('conv.transferNote') }),
  h('div', { class: 'tool-row' }, h('button', { type: 'submit' }, t('conv.transferSend')), result));
  return form;
}

/** A module field as an input: a checkbox for BOOLEAN (sent as "true"/"false"), a list for ENUM, else text. */
function actionField(f) {
  const help = f.help ? h('small', { class: 'muted help' }, f.help) : null;
  if (f.type === 'BOOLEAN') {
    return h('label', { class: 'check' }, h('input', { type: 'checkbox', name: f.key, dataset: { boolean: 'true' } }), f.label, help);
  }
  return h('label', { class: 'field' }, h('span', {}, f.label, f.required ? ' *' : ''),
    h('input', { name: f.key, required: f.required, type: f.type === 'INTEGER' ? 'number' : f.type === 'URL' ? 'url' : 'text' }), help);
}

function actionsBox(view) {
  const box = h('div', { class: 'tool module-actions', id: 'module-actions', hidden: true });
  api.get(`~/conversations/${view.id}/actions`).then((page) => {
    if (!page.items.length) return;
    box.hidden = false;
    clear(box, h('strong', {}, t('conv.actions')), page.items.map((action) => {
      const status = h('p', { class: 'tool-result', role: 'status' });
      const form = h('form', { class: 'action-form', dataset: { action: `${action.module}.${action.id}` }, onsubmit: async (e) => {
        e.preventDefault();
        const fields = {};
        for (const input of form.querySelectorAll('input[name]')) {
          fields[input.name] = input.dataset.boolean ? String(input.checked) : input.value;
        }
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
          await api.post(`~/conversations/${view.id}/actions/${action.module}.${action.id}`, fields);
          document.getElementById('conversation-problem').hidden = true;
          status.textContent = t('conv.queued');
          form.reset();
          awaitResult(view, status);
        } catch (error) {
          view.fail(error);
        } finally {
          button.disabled = false;
        }
      } },
      action.fields.map(actionField),
      h('button', { type: 'submit' }, action.label), status);
      return h('details', { dataset: { action: `${action.module}.${action.id}` } }, h('summary', {}, action.label), form);
    }));
  }).catch(() => {});
  return box;
}

/**
 * A module's action runs from the outbox, a moment later; its result shows as a link (a Jira issue)
 * or a note in the timeline. Looks again for half a minute and says so when something came.
 */
function awaitResult(view, status) {
  const before = JSON.stringify(view.conversation?.links || []);
  const timelineBefore = document.querySelectorAll('#timeline .entry').length;
  let tries = 0;
  const look = async () => {
    await view.refresh();
    await view.reloadTimeline();
    const changed = JSON.stringify(view.conversation?.links || []) !== before
      || document.querySelectorAll('#timeline .entry').length !== timelineBefore;
    if (changed) status.textContent = t('conv.actionDone');
    else if (++tries < 15 && status.isConnected) setTimeout(look, 2000);
  };
  setTimeout(look, 1000);
}
