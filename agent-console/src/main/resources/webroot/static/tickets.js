import { api, clearErrors, el, formatInstant, showError, t, values } from './console.js';

const ticketForm = document.getElementById('ticket-form');
const lostForm = document.getElementById('lost-form');
let ticket = null;
let report = null;

const token = (form) => { form.elements.namedItem('formToken').value = crypto.randomUUID(); };

async function regions() {
  const answer = await api('GET', '/api/appointments/choices?service=ID_RENEWAL');
  for (const s of document.querySelectorAll('[data-regions]')) {
    s.replaceChildren();
    const first = el('option', s.hasAttribute('data-any') ? t('visits.allRegions') : t('appointments.choose'));
    first.value = '';
    s.append(first);
    for (const r of answer.regions) {
      const o = el('option', r.name);
      o.value = r.code;
      s.append(o);
    }
  }
}

function steps(list, target, prefix) {
  target.replaceChildren();
  for (const s of list) {
    target.append(el('li', `${t(`${prefix}.${s.status}`)} · ${s.by} · ${formatInstant(s.at)}${s.note ? ' · ' + s.note : ''}`));
  }
}

function showTicket(x) {
  ticket = x;
  document.getElementById('ticket-detail').classList.remove('d-none');
  const h = document.getElementById('ticket-detail-heading');
  h.textContent = `${x.reference} · ${t(`tickets.kind.${x.kind}`)} · ${x.regionName} · ${t(`tickets.status.${x.status}`)}`;
  h.dataset.status = x.status;
  document.getElementById('ticket-detail-text').textContent = x.text;
  steps(x.steps, document.getElementById('ticket-steps'), 'tickets.status');
}

function showReport(x) {
  report = x;
  document.getElementById('lost-detail').classList.remove('d-none');
  const h = document.getElementById('lost-detail-heading');
  h.textContent = `${x.reference} · ${t(`lost.document.${x.document}`)} · ${t(`lost.status.${x.status}`)}`
    + (x.replacementAppointment ? ` · ${x.replacementAppointment}` : '');
  h.dataset.status = x.status;
  steps(x.steps, document.getElementById('lost-steps'), 'lost.status');
}

async function queue() {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values(document.getElementById('tq-form')))) if (v) q.set(k, v);
  const answer = await api('GET', `/api/tickets/queue?${q}`);
  const list = document.getElementById('ticket-queue');
  list.replaceChildren();
  for (const x of answer.tickets) {
    const li = el('li', null, 'list-group-item d-flex gap-2');
    const open = el('button', x.reference, 'btn btn-link btn-sm p-0 font-monospace');
    open.type = 'button';
    open.addEventListener('click', async () => showTicket((await api('GET', `/api/tickets/${x.reference}`)).ticket));
    li.append(open, el('span', t(`tickets.kind.${x.kind}`)), el('span', x.regionName),
      el('span', t(`tickets.status.${x.status}`), 'badge text-bg-secondary'), el('span', formatInstant(x.createdAt), 'ms-auto small'));
    list.append(li);
  }
}

ticketForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(ticketForm);
  try {
    const answer = await api('POST', '/api/tickets', values(ticketForm));
    showTicket(answer.ticket);
    token(ticketForm);
    await queue();
  } catch (error) { showError(ticketForm, error); }
});

document.getElementById('tq-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  try { await queue(); } catch (error) { showError(ticketForm, error); }
});

document.getElementById('ticket-step').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  clearErrors(form);
  try {
    showTicket((await api('POST', `/api/tickets/${ticket.reference}/step`, values(form))).ticket);
    await queue();
  } catch (error) { showError(form, error); }
});

lostForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(lostForm);
  try {
    showReport((await api('POST', '/api/lost', values(lostForm))).report);
    token(lostForm);
  } catch (error) { showError(lostForm, error); }
});

for (const [id, action] of [['lost-replacement', 'replacement'], ['lost-close', 'close']]) {
  document.getElementById(id).addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    clearErrors(form);
    try {
      showReport((await api('POST', `/api/lost/${report.reference}/${action}`, values(form))).report);
    } catch (error) { showError(form, error); }
  });
}

token(ticketForm);
token(lostForm);
regions().then(queue).catch((error) => showError(ticketForm, error));
