// The admin area's own registry: each admin page registers here and admin.js lists the ones the
// signed-in agent's roles allow beside the page (#/admin/<path>/<params…>).
import { hasRole } from '../api.js';

const pages = [];

/**
 * @param page {path: 'categories', label: i18n key, roles: ['ADMIN', …],
 *   render(container, params) where params are the hash's segments after the page's path}
 */
export function registerAdminPage(page) {
  pages.push(page);
}

export function allowedAdminPages() {
  return pages.filter((p) => hasRole(...p.roles));
}

/** Team and rules pages write through endpoints only admins may call; modules are for integrators too. */
export const ADMINS = ['ADMIN'];
export const INTEGRATORS = ['ADMIN', 'INTEGRATOR'];
