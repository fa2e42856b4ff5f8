// The agent's calls page: live link state, own agent state (ready / paused with a reason / wrap-up), screen pops.
import { api, el, formatInstant, lang, showError, clearErrors, t } from './console.js';
import { connectLive } from './live.js';

const pops = document.getElementById('pops');
const noPop = document.getElementById('no-pop');
const template = document.getElementById('pop-card');
const stateBadge = document.getElementById('agent-state');
const reasonText = document.getElementById('agent-reason');
const form = document.getElementById('state-form');
const shown = new Set(); // call ids on screen: a pop replayed after a reconnect is not shown twice

const STATE_CLASS = { READY: 'text-bg-success', RINGING: 'text-bg-primary', ON_CALL: 'text-bg-info',
  PAUSED: 'text-bg-warning', WRAP_UP: 'text-bg-secondary', UNAVAILABLE: 'text-bg-danger', LOGGED_OUT: 'text-bg-dark' };

connectLive({
  hello: (h) => ami(h.ami),
  agent: (a) => {
    stateBadge.dataset.state = a.state;
    stateBadge.textContent = t(`live.state.${a.state}`);
    stateBadge.className = `badge fs-6 ${STATE_CLASS[a.state] || 'text-bg-secondary'}`;
    reasonText.textContent = a.reason && a.state === 'PAUSED' ? a.reason : '';
  },
  pop: (p) => showPop(p),
  snapshot: (s) => ami(s.ami),
});

function ami(health) {
  const badge = document.getElementById('ami-health');
  badge.dataset.state = health;
  badge.textContent = t(`live.ami.${health}`);
}

function showPop(p) {
  if (shown.has(p.callId)) return;
  shown.add(p.callId);
  noPop.classList.add('d-none');
  const node = template.content.firstElementChild.cloneNode(true);
  node.dataset.callId = p.callId;
  const slot = (n) => node.querySelector(`[data-slot="${n}"]`);
  const none = t('live.none');
  slot('title').textContent = t('live.popTitle');
  slot('at').textContent = formatInstant(p.at);
  slot('callerNumber').textContent = p.callerNumber || none;
  slot('language').textContent = p.language === 'ar' ? 'العربية' : p.language === 'en' ? 'English' : none;
  slot('nationalId').textContent = p.nationalId || none;
  const intentKey = `live.intent.${p.intent}`;
  slot('intent').textContent = !p.intent ? none : t(intentKey) === intentKey ? p.intent : t(intentKey);
  slot('trail').textContent = p.trail || none;
  slot('reference').textContent = p.reference || none;
  slot('queue').textContent = p.queue;
  node.querySelector('[data-action="continue-booking"]').href = p.bookingUrl;
  node.querySelector('[data-action="dismiss"]').addEventListener('click', () => {
    node.remove();
    if (!pops.children.length) noPop.classList.remove('d-none');
  });
  pops.prepend(node);
  node.focus();
  if (p.nationalId) person(p.nationalId, slot('person'));
}

// The person's record and history through the console's person lookup (audited like any lookup).
async function person(nationalId, target) {
  try {
    const answer = await api('POST', '/api/persons/lookup', { query: nationalId });
    const p = answer.persons[0];
    if (!p) return;
    target.append(el('div', (lang === 'ar' ? p.nameAr : p.nameEn) || p.nameAr || p.nameEn, 'fw-bold'));
    if (!p.history.connected) {
      target.append(el('div', t('history.notConnected'), 'text-body-secondary'));
    } else if (!p.history.items.length) {
      target.append(el('div', t('history.empty'), 'text-body-secondary'));
    } else {
      const list = el('ul', null, 'list-unstyled mb-0');
      for (const item of p.history.items) {
        const li = el('li');
        li.append(el('span', t(`history.kind.${item.kind}`), 'badge text-bg-secondary me-2'));
        li.append(document.createTextNode(`${item.reference ?? ''} ${item.summary ?? ''}`));
        list.append(li);
      }
      target.append(list);
    }
  } catch (error) {
    target.append(el('div', error.message, 'text-danger'));
  }
}

for (const button of form.querySelectorAll('button[data-state]')) {
  button.addEventListener('click', async () => {
    clearErrors(form);
    const body = { state: button.dataset.state };
    if (body.state === 'PAUSED') body.reason = document.getElementById('pause-reason').value;
    button.disabled = true;
    try {
      await api('POST', '/api/live/state', body);
    } catch (error) {
      showError(form, error);
    } finally {
      button.disabled = false;
    }
  });
}
