// The admin area of the agent app: one header entry, a side list of pages and the chosen page.
// Admins see every page; integrators only modules and the outbox, the endpoints their role may call.
import { h, clear } from '../dom.js';
import { addTexts, t } from '../i18n.js';
import { navigate, registerView } from '../views.js';
import { allowedAdminPages, INTEGRATORS } from './pages.js';
import './modules.js';
import './outbox.js';
import './agents.js';
import './departments.js';
import './categories.js';
import './saved-replies.js';
import './sla-policies.js';
import './support-plans.js';
import './business-hours.js';
import './auto-close.js';
import './workflow.js';
import './transfer-reasons.js';

addTexts({
  en: { 'nav.admin': 'Admin', 'admin.pages': 'Admin pages' },
  ru: { 'nav.admin': 'Администрирование', 'admin.pages': 'Разделы администрирования' },
});

// Loaded once with the module, so the admin styles exist only when the admin area is part of the app.
document.head.append(h('link', { rel: 'stylesheet', href: new URL('./admin.css', import.meta.url).href }));

registerView({
  path: 'admin',
  label: 'nav.admin',
  roles: INTEGRATORS,
  render(container, [pagePath, ...params]) {
    const pages = allowedAdminPages();
    const page = pages.find((p) => p.path === pagePath);
    if (!page) {
      navigate(`admin/${pages[0].path}`);
      return null;
    }
    const menu = h('nav', { class: 'admin-menu', 'aria-label': t('admin.pages') },
      pages.map((p) => h('a', { href: `#/admin/${p.path}`, class: p === page ? 'active' : null,
        'aria-current': p === page ? 'page' : null }, t(p.label))));
    const body = h('section', { class: 'admin-page', id: `admin-${page.path}` });
    clear(container, h('div', { class: 'admin-layout' }, menu, body));
    // A page may hand back what to stop when it is left (the outbox's refresh); async pages hand back a promise.
    const leave = page.render(body, params);
    return typeof leave === 'function' ? leave : null;
  },
});
