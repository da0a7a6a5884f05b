// Auto-close (handbook 001): a conversation whose customer did not answer the agent's last message
// for the silence window closes, or first gets the "still relevant?" prompt; hold keywords keep it open.
import { addTexts, t } from '../i18n.js';
import { ADMINS, registerAdminPage } from './pages.js';
import { settingsPage } from './settings.js';

addTexts({
  en: {
    'autoClose.title': 'Auto-close', 'autoClose.intro': 'Closes conversations the customer stopped answering.',
    'autoClose.enabled': 'Close silent conversations', 'autoClose.silence': 'Silence before closing',
    'autoClose.silenceHelp': 'ISO-8601, e.g. PT10M.', 'autoClose.promptWait': 'Wait after the prompt',
    'autoClose.promptWaitHelp': 'PT0S closes without asking; otherwise the prompt is sent first and the conversation closes after this wait.',
    'autoClose.promptRu': 'Prompt in Russian', 'autoClose.promptEn': 'Prompt in English',
    'autoClose.keywords': 'Hold keywords', 'autoClose.keywordsHelp': 'Word stems, one a line: an agent message containing one keeps the conversation open.',
  },
  ru: {
    'autoClose.title': 'Автозакрытие', 'autoClose.intro': 'Закрывает обращения, в которых клиент перестал отвечать.',
    'autoClose.enabled': 'Закрывать молчащие обращения', 'autoClose.silence': 'Тишина до закрытия',
    'autoClose.silenceHelp': 'ISO-8601, например PT10M.', 'autoClose.promptWait': 'Ожидание после вопроса',
    'autoClose.promptWaitHelp': 'PT0S — закрыть без вопроса; иначе сначала отправляется вопрос, и обращение закрывается после этого ожидания.',
    'autoClose.promptRu': 'Вопрос на русском', 'autoClose.promptEn': 'Вопрос на английском',
    'autoClose.keywords': 'Слова удержания', 'autoClose.keywordsHelp': 'Основы слов, по одной в строке: сообщение агента с ними не даёт закрыть обращение.',
  },
});

registerAdminPage({
  path: 'auto-close',
  label: 'autoClose.title',
  roles: ADMINS,
  render: settingsPage({
    title: 'autoClose.title',
    intro: 'autoClose.intro',
    endpoint: '~/rules/auto-close',
    fields: () => [
      { name: 'enabled', label: t('autoClose.enabled'), kind: 'checkbox' },
      { name: 'silence', label: t('autoClose.silence'), required: true, help: t('autoClose.silenceHelp') },
      { name: 'promptWait', label: t('autoClose.promptWait'), help: t('autoClose.promptWaitHelp') },
      { name: 'prompts.ru', label: t('autoClose.promptRu'), kind: 'textarea' },
      { name: 'prompts.en', label: t('autoClose.promptEn'), kind: 'textarea' },
      { name: 'holdKeywords', label: t('autoClose.keywords'), kind: 'lines', help: t('autoClose.keywordsHelp') },
    ],
    values: ({ autoClose: a }) => ({ ...a, 'prompts.ru': a.prompts.ru, 'prompts.en': a.prompts.en }),
    body: (v) => ({ enabled: v.enabled, silence: v.silence, promptWait: v.promptWait || null,
      prompts: { ru: v['prompts.ru'], en: v['prompts.en'] }, holdKeywords: v.holdKeywords }),
  }),
});
