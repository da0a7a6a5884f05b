// A small element builder: h('button', {class: 'primary', onclick}, 'Send'). Text is always set as
// text, never parsed as HTML, so a customer's message cannot inject markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A form's problem: the message, and each field's reason next to the field named in `errors`. */
export function showProblem(form, error) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  const box = form.querySelector('.form-error') || form.appendChild(h('p', { class: 'form-error', role: 'alert' }));
  box.textContent = error.message;
  for (const { field, message } of error.fieldErrors || []) {
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) input.insertAdjacentElement('afterend', h('span', { class: 'field-error' }, message));
  }
}
