// SLA badges that count down in the browser: the state follows the due and warning times the server
// computed, so "at risk" and "breached" appear on time without asking the server every second.
import { h } from '../dom.js';
import { t } from '../i18n.js';

const CLASSES = { ON_TRACK: 'on-track', AT_RISK: 'at-risk', BREACHED: 'breached', MET: 'met', PAUSED: 'paused' };

/** The timer that matters now: the first running one, else the first. */
export function currentTimer(sla) {
  const timers = sla?.timers || [];
  return timers.find((timer) => ['ON_TRACK', 'AT_RISK', 'BREACHED'].includes(timer.state)) || null;
}

export function stateAt(timer, now = Date.now()) {
  if (!['ON_TRACK', 'AT_RISK', 'BREACHED'].includes(timer.state) || !timer.dueAt) return timer.state;
  if (now >= Date.parse(timer.dueAt)) return 'BREACHED';
  if (timer.warnAt && now >= Date.parse(timer.warnAt)) return 'AT_RISK';
  return 'ON_TRACK';
}

function remaining(timer, now) {
  if (!timer.dueAt) return '';
  const seconds = Math.round((Date.parse(timer.dueAt) - now) / 1000);
  const abs = Math.abs(seconds);
  const text = abs >= 3600 ? `${Math.floor(abs / 3600)}h ${Math.floor((abs % 3600) / 60)}m`
    : `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return seconds < 0 ? `−${text}` : text;
}

/** A badge element that keeps itself current; updateBadges() ticks all of them. */
export function slaBadge(timer) {
  if (!timer) return null;
  const badge = h('span', { class: 'badge sla', title: t(`sla.${timer.target}`) });
  badge.slaTimer = timer;
  paint(badge);
  return badge;
}

function paint(badge, now = Date.now()) {
  const timer = badge.slaTimer;
  const state = stateAt(timer, now);
  badge.className = `badge sla ${CLASSES[state] || ''}`;
  badge.dataset.state = state;
  badge.textContent = `${t(`sla.${timer.target}`)}: ${t(`sla.${state}`)} ${remaining(timer, now)}`.trim();
}

let ticking = null;
export function tickBadges() {
  if (ticking) return;
  ticking = setInterval(() => document.querySelectorAll('.badge.sla').forEach((badge) => badge.slaTimer && paint(badge)), 1000);
}
