// Russian and English texts. Each feature adds its own with addTexts; the language is the one the
// agent chose, else the browser's.

const LANGUAGE_KEY = 'deskbridge.language';
const texts = { en: {}, ru: {} };

export function addTexts(more) {
  for (const language of Object.keys(texts)) Object.assign(texts[language], more[language] || {});
}

export function language() {
  const chosen = localStorage.getItem(LANGUAGE_KEY);
  if (chosen) return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function setLanguage(code) {
  localStorage.setItem(LANGUAGE_KEY, code);
  document.documentElement.lang = code;
}

/** The text for `key`, with `{name}` placeholders filled from `values`. */
export function t(key, values = {}) {
  const text = texts[language()][key] ?? texts.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}
