// The SLA badge of a conversation: the running timer closest to its due time, counting down every
// second, coloured on track / at risk / breached.
import { h } from '../dom.js';
import { t } from '../i18n.js';

const RUNNING = ['ON_TRACK', 'AT_RISK', 'BREACHED'];

export function slaBadge(sla) {
  const timer = (sla?.timers || []).filter((x) => RUNNING.includes(x.state))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  if (!timer) return null;
  const badge = h('span', { class: `badge sla ${timer.state.toLowerCase().replace('_', '-')}`, id: 'sla-badge',
    dataset: { state: timer.state }, title: `${t('sla.' + timer.target)} · ${new Date(timer.dueAt).toLocaleString()}` });
  const tick = () => {
    if (!badge.isConnected && badge.dataset.started) { clearInterval(timer.interval); return; }
    badge.dataset.started = '1';
    const left = Math.round((Date.parse(timer.dueAt) - Date.now()) / 1000);
    const state = left < 0 ? 'BREACHED' : timer.warnAt && Date.now() >= Date.parse(timer.warnAt) ? 'AT_RISK' : timer.state;
    badge.className = `badge sla ${state.toLowerCase().replace('_', '-')}`;
    badge.dataset.state = state;
    badge.textContent = `${t('sla.' + timer.target)}: ${t('sla.state.' + state)} ${clock(left)}`;
  };
  tick();
  timer.interval = setInterval(tick, 1000);
  return badge;
}

function clock(seconds) {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return `${sign}${hours ? `${hours}:` : ''}${String(minutes).padStart(hours ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
}
