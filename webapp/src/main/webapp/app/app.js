// The agent's single-page app over the public REST API: sign in, then the registered views.
import { api, ApiError, hasRole, session } from './api.js';
import { h, clear, showProblem } from './dom.js';
import { addTexts, language, setLanguage, t } from './i18n.js';
import { views, headerPartsToRender, navigate } from './views.js';
import './features.js';

addTexts({
  en: {
    'login.title': 'Sign in to Deskbridge', 'login.tenant': 'Workspace', 'login.email': 'Email',
    'login.password': 'Password', 'login.submit': 'Sign in', 'login.failed': 'Wrong workspace, email or password.',
    'shell.signOut': 'Sign out', 'shell.language': 'Language', 'shell.notFound': 'Nothing here.',
  },
  ru: {
    'login.title': 'Вход в Deskbridge', 'login.tenant': 'Рабочее пространство', 'login.email': 'Эл. почта',
    'login.password': 'Пароль', 'login.submit': 'Войти', 'login.failed': 'Неверное пространство, почта или пароль.',
    'shell.signOut': 'Выйти', 'shell.language': 'Язык', 'shell.notFound': 'Здесь ничего нет.',
  },
});

const root = document.getElementById('app');
let leaveCurrent = null;

function renderLogin() {
  const params = new URLSearchParams(location.search);
  const form = h('form', { class: 'login card', id: 'login-form' },
    h('h1', {}, t('login.title')),
    h('label', {}, t('login.tenant'), h('input', { name: 'tenant', required: true, value: params.get('tenant') || 'demo', autocomplete: 'organization' })),
    h('label', {}, t('login.email'), h('input', { name: 'email', type: 'email', required: true, autocomplete: 'username' })),
    h('label', {}, t('login.password'), h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
    h('button', { type: 'submit', class: 'primary' }, t('login.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    try {
      const login = await api.post('/auth/login', data);
      session.set({ token: login.token, tenant: login.tenant, agent: login.agent });
      start();
    } catch (error) {
      showProblem(form, error instanceof ApiError && error.status === 401 ? new Error(t('login.failed')) : error);
    }
  });
  clear(root, h('main', { class: 'login-page' }, form));
  form.querySelector(params.get('tenant') ? '[name=email]' : '[name=tenant]').focus();
}

function allowed(view) {
  return !view.roles || hasRole(...view.roles);
}

function renderShell() {
  const current = session.get();
  const nav = h('nav', { class: 'main-nav' }, views().filter((v) => v.label && allowed(v))
    .map((v) => h('a', { href: `#/${v.path}`, dataset: { view: v.path } }, t(v.label))));
  const languages = h('select', { 'aria-label': t('shell.language'), class: 'language', onchange: (e) => { setLanguage(e.target.value); start(); } },
    ['en', 'ru'].map((code) => h('option', { value: code, selected: code === language() }, code.toUpperCase())));
  const signOut = h('button', { class: 'link', id: 'sign-out', onclick: async () => {
    try { await api.post('/auth/logout'); } finally { session.clear(); location.hash = ''; start(); }
  } }, t('shell.signOut'));
  const header = h('header', { class: 'top' }, h('strong', { class: 'brand' }, 'Deskbridge'), nav,
    h('span', { class: 'spacer' }), headerPartsToRender().map((render) => render()),
    h('span', { class: 'who', title: current.agent.email }, current.agent.name), languages, signOut);
  const outlet = h('main', { id: 'view' });
  clear(root, header, outlet);
  return outlet;
}

function route() {
  const outlet = document.getElementById('view');
  if (!outlet) return;
  if (leaveCurrent) { leaveCurrent(); leaveCurrent = null; }
  const [path, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const available = views().filter(allowed);
  const view = available.find((v) => v.path === path);
  if (!view) {
    if (available.length && !path) { navigate(available[0].path); return; }
    clear(outlet, h('p', {}, t('shell.notFound')));
    return;
  }
  document.querySelectorAll('.main-nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === view.path));
  clear(outlet);
  leaveCurrent = view.render(outlet, params) || null;
}

function start() {
  document.documentElement.lang = language();
  if (!session.get()) { renderLogin(); return; }
  renderShell();
  route();
}

window.addEventListener('hashchange', route);
window.addEventListener('deskbridge:signed-out', start);
start();
