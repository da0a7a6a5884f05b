// Module settings in the admin's language. A module describes its fields in English (label and
// help in its configSchema); the app may carry a translation as `module.<module>.<field>` and
// `module.<module>.<field>.help`. A field without one, e.g. of a third-party plugin, keeps the
// module's own English words.
import { addTexts, t } from '../i18n.js';

addTexts({
  ru: {
    'module.webhook.url': 'Адрес получателя',
    'module.webhook.url.help': 'Deskbridge отправляет сюда каждое событие методом POST в виде JSON.',
    'module.webhook.secret': 'Ключ подписи',
    'module.webhook.secret.help': 'Ключ HMAC-SHA256 в заголовке X-Deskbridge-Signature; получатель проверяет подпись тем же ключом.',
    'module.webhook.events': 'События',
    'module.webhook.events.help': 'Какие события отправлять.',
    'module.webhook.includeInternal': 'Отправлять внутренние заметки',
    'module.webhook.includeInternal.help': 'Внутренние заметки — только для сотрудников; отправляйте их лишь получателю, которого читают только ваши сотрудники.',
    'module.webhook.timeout': 'Время ожидания',
    'module.webhook.timeout.help': 'Сколько ждать ответа получателя, прежде чем повторить позже (не больше PT60S).',

    'module.jira.baseUrl': 'Адрес сайта Jira',
    'module.jira.deployment': 'Вариант установки',
    'module.jira.email': 'Почта учётной записи',
    'module.jira.apiToken': 'API-токен',
    'module.jira.projectKey': 'Ключ проекта',
    'module.jira.issueType': 'Тип задачи',
    'module.jira.defaultPriority': 'Приоритет по умолчанию',
    'module.jira.labels': 'Метки',
    'module.jira.categoryComponents': 'Категория → компонент',
    'module.jira.categoryLabels': 'Категория → метка',
    'module.jira.planPriorities': 'Тариф → приоритет',
    'module.jira.dialogBaseUrl': 'Адрес Deskbridge для ссылок на диалог',
    'module.jira.webhookSecret': 'Секрет вебхука',
    'module.jira.webhookToken': 'Токен в адресе вебхука',
    'module.jira.wakeOnStatusCategory': 'Вернуть обращение агенту при',
    'module.jira.pollInterval': 'Интервал опроса',

    'module.slack-forum.baseUrl': 'Адрес Slack Web API',
    'module.slack-forum.botToken': 'Токен бота',
    'module.slack-forum.signingSecret': 'Ключ подписи',
    'module.slack-forum.channel': 'Канал',
    'module.slack-forum.categoryChannels': 'Категория → канал',
    'module.slack-forum.autoAfter': 'Спрашивать автоматически через',
    'module.slack-forum.askOnSlaWarning': 'Спрашивать, когда SLA под угрозой',
    'module.slack-forum.sharePlan': 'Указывать тариф клиента',
    'module.slack-forum.shareCustomerName': 'Указывать имя клиента',
    'module.slack-forum.maskContacts': 'Скрывать почту и телефоны',

    'module.amocrm.baseUrl': 'Адрес аккаунта',
    'module.amocrm.authMode': 'Авторизация',
    'module.amocrm.accessToken': 'Долгосрочный токен',
    'module.amocrm.clientId': 'ID интеграции',
    'module.amocrm.clientSecret': 'Секретный ключ интеграции',
    'module.amocrm.redirectUri': 'Redirect URI',
    'module.amocrm.pipelineId': 'ID воронки',
    'module.amocrm.statusId': 'ID этапа',
    'module.amocrm.syncInternalNotes': 'Копировать внутренние заметки',
    'module.amocrm.webhookToken': 'Токен вебхука',
    'module.amocrm.mode': 'Режим',
    'module.amocrm.amojoBaseUrl': 'Адрес API чатов',
    'module.amocrm.channelId': 'ID канала чатов',
    'module.amocrm.channelSecret': 'Секрет канала чатов',
    'module.amocrm.channelBotId': 'ID бота канала',
    'module.amocrm.closedLeadPolicy': 'Если сделка контакта закрыта',
    'module.amocrm.categoryStages': 'Этап по категории закрытия',
    'module.amocrm.responsibleUsers': 'Пользователь amoCRM для агента',
    'module.amocrm.fallbackUserId': 'ID пользователя amoCRM по умолчанию',
    'module.amocrm.responsibleStrategy': 'Ответственный за сделку',
    'module.amocrm.contactTags': 'Теги клиента для копирования',
    'module.amocrm.contactFields': 'Атрибуты клиента → поля контакта',
    'module.amocrm.syncEvents': 'Что синхронизировать',

    'module.bitrix24.baseUrl': 'Адрес REST',
    'module.bitrix24.authMode': 'Авторизация',
    'module.bitrix24.clientId': 'ID приложения',
    'module.bitrix24.clientSecret': 'Ключ приложения',
    'module.bitrix24.entity': 'Что создавать для обращения',
    'module.bitrix24.categoryId': 'ID воронки сделок',
    'module.bitrix24.stageId': 'Стадия новых записей',
    'module.bitrix24.closeStages': 'Стадия при закрытии',
    'module.bitrix24.responsibleUserId': 'ID ответственного',
    'module.bitrix24.responsibleUsers': 'Ответственный для агента',
    'module.bitrix24.applicationToken': 'Токен приложения',
    'module.bitrix24.syncInternalNotes': 'Копировать внутренние заметки',
    'module.bitrix24.mode': 'Режим',
    'module.bitrix24.openLineId': 'ID открытой линии',
    'module.bitrix24.accessToken': 'Токен доступа',
    'module.bitrix24.refreshToken': 'Токен обновления',
    'module.bitrix24.oauthServerUrl': 'Сервер OAuth',
  },
});

/** The label of a module's field in the current language, else the module's own. */
export function fieldLabel(moduleId, schema) {
  return translated(`module.${moduleId}.${schema.key}`) ?? (schema.label || schema.key);
}

/** The help of a module's field in the current language, else the module's own (may be empty). */
export function fieldHelp(moduleId, schema) {
  return translated(`module.${moduleId}.${schema.key}.help`) ?? schema.help;
}

function translated(key) {
  const text = t(key);
  return text === key ? null : text;
}
