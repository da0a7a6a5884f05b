// The tenant's team, departments and categories, read once per session for names in lists.
import { api } from '../api.js';

let loading = null;

export function directory() {
  if (!loading) {
    loading = Promise.all([api.get('~/agents'), api.get('~/departments'), api.get('~/categories')])
      .then(([agents, departments, categories]) => ({
        agents: new Map(agents.items.map((a) => [a.id, a])),
        departments: departments.items,
        categories: categories.items.filter((c) => !c.archived),
      }))
      .catch((error) => { loading = null; throw error; });
  }
  return loading;
}

export function forgetDirectory() {
  loading = null;
}
