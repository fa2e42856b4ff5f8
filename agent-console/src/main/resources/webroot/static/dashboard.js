// Supervisor dashboard: live queue and agent figures from the event stream, business figures every few seconds.
// Chart.js comes from its WebJar (UMD build: it sets window.Chart).
import { el, formatInstant, t } from './console.js';
import { connectLive, seconds } from './live.js';
import '/webjars/chart.js/4.4.1/dist/chart.umd.js';

const STATES = ['READY', 'RINGING', 'ON_CALL', 'PAUSED', 'WRAP_UP', 'UNAVAILABLE', 'LOGGED_OUT'];
const COLORS = ['#198754', '#0d6efd', '#0dcaf0', '#ffc107', '#6c757d', '#dc3545', '#212529'];
const Chart = window.Chart;
const rtl = document.documentElement.dir === 'rtl';
const base = { animation: false, responsive: true, aspectRatio: 2.5, plugins: { legend: { rtl } } };

const agentsChart = new Chart(document.getElementById('agents-chart'), {
  type: 'bar',
  data: { labels: STATES.map((s) => t(`live.state.${s}`)), datasets: [{ data: STATES.map(() => 0), backgroundColor: COLORS }] },
  options: { ...base, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
});
const appointmentsChart = new Chart(document.getElementById('appointments-chart'), {
  type: 'bar', data: { labels: [], datasets: [{ label: t('dashboard.appointments'), data: [], backgroundColor: '#0d6efd' }] },
  options: { ...base, indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
});
const taqdeerChart = new Chart(document.getElementById('taqdeer-chart'), {
  type: 'bar', data: { labels: [], datasets: [] },
  options: { ...base, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
});
const smsChart = new Chart(document.getElementById('sms-chart'), {
  type: 'bar', data: { labels: [t('dashboard.in'), t('dashboard.out')], datasets: [{ data: [0, 0], backgroundColor: ['#6f42c1', '#20c997'] }] },
  options: { ...base, indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
});

let snapshot = null;
let skew = 0;

connectLive({
  snapshot: (s) => { snapshot = s; skew = Date.parse(s.at) - Date.now(); render(); },
  figures: (f) => figures(f),
  hello: (h) => ami(h.ami),
});
fetch('/api/dashboard/figures', { headers: { Accept: 'application/json' } }).then((r) => r.ok && r.json()).then((f) => f && figures(f));

function ami(health) {
  const node = document.getElementById('ami-health');
  node.dataset.state = health;
  node.textContent = t(`live.ami.${health}`);
  node.className = `fs-5 ${health === 'CONNECTED' ? 'text-success' : 'text-danger'}`;
}

function longest(q, now) {
  return q.calls.reduce((m, c) => Math.max(m, (now - Date.parse(c.joinedAt)) / 1000), 0);
}

function render() {
  const s = snapshot;
  if (!s) return;
  const now = Date.now() + skew;
  document.getElementById('waiting-count').textContent = s.waiting;
  document.getElementById('abandoned-today').textContent = s.abandonedToday;
  document.getElementById('longest-wait').textContent = seconds(Math.max(0, ...s.queues.map((q) => longest(q, now))));
  ami(s.ami);
  const queues = document.getElementById('queues');
  queues.replaceChildren(...s.queues.map((q) => {
    const tr = el('tr');
    tr.dataset.queue = q.queue;
    tr.append(el('td', q.queue), el('td', q.waiting), el('td', seconds(longest(q, now))), el('td', q.abandonedToday));
    return tr;
  }));
  const agents = document.getElementById('agents');
  agents.replaceChildren(...s.agents.map((a) => {
    const tr = el('tr');
    tr.dataset.agent = a.agent;
    tr.dataset.state = a.state;
    tr.dataset.online = String(!!a.online);
    tr.append(el('td', a.agent), el('td', t(`live.state.${a.state}`)), el('td', a.reason || ''),
      el('td', a.since ? formatInstant(a.since) : ''),
      el('td', a.online ? t('dashboard.online') : t('dashboard.offline'), a.online ? 'text-success' : 'text-danger'));
    return tr;
  }));
  agentsChart.data.datasets[0].data = STATES.map((st) => s.agentsByState[st] || 0);
  agentsChart.update('none');
}
setInterval(render, 1000); // waits grow between events

function figures(f) {
  const offices = Object.entries(f.appointmentsToday || {}).sort((a, b) => b[1] - a[1]).slice(0, 15);
  appointmentsChart.data.labels = offices.map((o) => o[0]);
  appointmentsChart.data.datasets[0].data = offices.map((o) => o[1]);
  appointmentsChart.update('none');
  const regions = Object.keys(f.taqdeerBacklog || {});
  taqdeerChart.data.labels = regions;
  taqdeerChart.data.datasets = (f.taqdeerAgeBuckets || []).map((label, i) => ({
    label, data: regions.map((r) => f.taqdeerBacklog[r][i]), backgroundColor: ['#198754', '#ffc107', '#fd7e14', '#dc3545'][i],
  }));
  taqdeerChart.update('none');
  smsChart.data.datasets[0].data = [f.sms.in, f.sms.out];
  smsChart.update('none');
  document.getElementById('sms-rate').textContent = f.sms.deliveryRate == null ? t('dashboard.noRate')
    : t('dashboard.deliveryRate', f.sms.deliveryRate);
  document.getElementById('chat-figures').textContent = t('dashboard.chatOpen', f.chat.open, f.chat.claimed,
    seconds(f.chat.oldestUnclaimedSeconds));
}
