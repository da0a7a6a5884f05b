// The business-hours calendar SLA targets in business hours count on: a time zone, opening periods
// per weekday (several a day, e.g. a lunch break) and holidays closed all day.
import { addTexts, t } from '../i18n.js';
import { ADMINS, registerAdminPage } from './pages.js';
import { settingsPage } from './settings.js';

addTexts({
  en: {
    'hours.title': 'Business hours', 'hours.intro': 'Targets given in business hours or days count only the time open here. Periods of a day are comma-separated, e.g. 09:00-13:00, 14:00-18:00; an empty day is closed.',
    'hours.timezone': 'Time zone', 'hours.holidays': 'Holidays', 'hours.holidaysHelp': 'One date a line, e.g. 2026-01-01.',
    'day.MONDAY': 'Monday', 'day.TUESDAY': 'Tuesday', 'day.WEDNESDAY': 'Wednesday', 'day.THURSDAY': 'Thursday',
    'day.FRIDAY': 'Friday', 'day.SATURDAY': 'Saturday', 'day.SUNDAY': 'Sunday',
  },
  ru: {
    'hours.title': 'Рабочее время', 'hours.intro': 'Сроки в рабочих часах и днях считают только время, открытое здесь. Периоды дня — через запятую, например 09:00-13:00, 14:00-18:00; пустой день — выходной.',
    'hours.timezone': 'Часовой пояс', 'hours.holidays': 'Праздники', 'hours.holidaysHelp': 'По одной дате в строке, например 2026-01-01.',
    'day.MONDAY': 'Понедельник', 'day.TUESDAY': 'Вторник', 'day.WEDNESDAY': 'Среда', 'day.THURSDAY': 'Четверг',
    'day.FRIDAY': 'Пятница', 'day.SATURDAY': 'Суббота', 'day.SUNDAY': 'Воскресенье',
  },
});

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** "09:00-13:00, 14:00-18:00" → periods of that day, in the order typed (the server's indexes). */
function periodsOf(day, text) {
  return text.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
    const [from, to] = p.split('-').map((x) => x?.trim());
    return { day, from: from || '', to: to || '' };
  });
}

let sentPeriods = [];

registerAdminPage({
  path: 'business-hours',
  label: 'hours.title',
  roles: ADMINS,
  render: settingsPage({
    title: 'hours.title',
    intro: 'hours.intro',
    endpoint: '~/rules/business-hours',
    fields: () => [
      { name: 'timezone', label: t('hours.timezone'), required: true, suggestions: ZONES },
      ...DAYS.map((day) => ({ name: `day-${day}`, label: t(`day.${day}`), placeholder: '09:00-18:00' })),
      { name: 'holidays', label: t('hours.holidays'), kind: 'lines', help: t('hours.holidaysHelp') },
    ],
    values: ({ businessHours: b }) => ({
      timezone: b.timezone,
      holidays: b.holidays,
      ...Object.fromEntries(DAYS.map((day) => [`day-${day}`,
        b.periods.filter((p) => p.day === day).map((p) => `${p.from}-${p.to}`).join(', ')])),
    }),
    body: (v) => {
      sentPeriods = DAYS.flatMap((day) => periodsOf(day, v[`day-${day}`]));
      return { timezone: v.timezone, periods: sentPeriods, holidays: v.holidays };
    },
    // "periods[3].from" is about the weekday of the fourth period sent.
    field: (serverField) => {
      const period = /^periods\[(\d+)]/.exec(serverField);
      return period && sentPeriods[period[1]] ? `day-${sentPeriods[period[1]].day}` : serverField.replace(/\[\d+]$/, '');
    },
  }),
});
