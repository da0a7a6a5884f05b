// The screens of the app. A feature registers its views; the shell shows the ones the agent's roles
// allow in the header and renders the one the location hash names (#/inbox, #/conversations/42).

const registered = [];
const headerParts = [];

/**
 * @param view {path: 'inbox', label: 'nav.inbox' (an i18n key; none: not in the header),
 *   roles: ['AGENT', …] (none: every agent), render(container, params) where params are the hash's
 *   further segments, may return a function called when the view is left}
 */
export function registerView(view) {
  registered.push(view);
}

export function views() {
  return registered;
}

/** Something a feature puts in the header beside the navigation (the Online/Offline switch). */
export function registerHeaderPart(render) {
  headerParts.push(render);
}

export function headerPartsToRender() {
  return headerParts;
}

export function navigate(path) {
  location.hash = '#/' + path;
}
