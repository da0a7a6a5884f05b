// The REST API as the signed-in agent sees it: the token and tenant of the session, JSON in and
// out, and RFC 9457 problems turned into errors that name the field and the reason.

const SESSION_KEY = 'deskbridge.session';

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.fieldErrors = problem.errors || [];
  }
}

export const session = {
  get() {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? JSON.parse(raw) : null;
  },
  set(value) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(SESSION_KEY);
  },
};

/** Calls `/api/v1{path}`; a path starting with `~/` is under the session's tenant. */
export async function call(method, path, body) {
  const current = session.get();
  const url = '/api/v1' + (path.startsWith('~/') ? `/tenants/${encodeURIComponent(current.tenant)}${path.slice(1)}` : path);
  const headers = { Accept: 'application/json, application/problem+json' };
  if (current?.token) headers.Authorization = `Bearer ${current.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && current?.token) {
    session.clear();
    window.dispatchEvent(new Event('deskbridge:signed-out'));
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(json || {}, response.status);
  return json;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body = {}) => call('POST', path, body),
  put: (path, body = {}) => call('PUT', path, body),
  patch: (path, body = {}) => call('PATCH', path, body),
  del: (path) => call('DELETE', path),
};

export function hasRole(...roles) {
  const agent = session.get()?.agent;
  return !!agent && agent.roles.some((r) => roles.includes(r));
}
