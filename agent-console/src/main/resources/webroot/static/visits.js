import { api, clearErrors, el, formatInstant, showError, t, values } from './console.js';

const form = document.getElementById('visit-form');
const queueForm = document.getElementById('queue-form');
const stepForm = document.getElementById('step-form');
const role = document.querySelector('meta[name="role"]')?.content;
let current = null;

function newToken() {
  form.elements.namedItem('formToken').value = crypto.randomUUID();
}

if (role === 'supervisor' || role === 'admin') {
  document.querySelectorAll('.supervisor-only').forEach((e) => e.classList.remove('d-none'));
}

async function loadRegions() {
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

document.getElementById('assess').addEventListener('click', async () => {
  clearErrors(form);
  const box = document.getElementById('eligibility');
  box.replaceChildren();
  try {
    const a = await api('POST', '/api/visits/assess', {
      beneficiary: form.elements.namedItem('beneficiary').value,
      category: form.elements.namedItem('category').value,
    });
    const text = a.accepted ? t(`visits.eligibility.${a.eligibility}`, a.age) : t(`visits.refusal.${a.refusal}`, a.age);
    box.append(el('span', `${a.name} · ${text}`, a.accepted ? 'badge text-bg-success fs-6' : 'badge text-bg-warning fs-6'));
    if (a.accepted) form.elements.namedItem('category').value = a.category;
  } catch (error) {
    showError(form, error);
  }
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(form);
  const filed = document.getElementById('filed');
  filed.classList.add('d-none');
  const body = values(form);
  body.override = form.elements.namedItem('override').checked;
  try {
    const answer = await api('POST', '/api/visits', body);
    filed.textContent = t('visits.filed', answer.request.reference) + ' '
      + (answer.smsQueued ? t('appointments.smsQueued') : t('appointments.noSms'));
    filed.classList.remove('d-none');
    filed.focus();
    newToken();
    await loadQueue();
    await show(answer.request.reference);
  } catch (error) {
    showError(form, error);
  }
});

queueForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  await loadQueue();
});

async function loadQueue() {
  clearErrors(queueForm);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values(queueForm))) if (v) q.set(k, v);
  try {
    const answer = await api('GET', `/api/visits/queue?${q}`);
    const body = document.querySelector('#queue-table tbody');
    body.replaceChildren();
    for (const r of answer.requests) {
      const tr = el('tr');
      tr.append(el('td', r.reference, 'font-monospace'), el('td', t(`visits.status.${r.status}`)),
        el('td', r.regionName), el('td', r.city), el('td', t(`visits.category.${r.category}`)),
        el('td', formatInstant(r.createdAt)));
      const open = el('button', t('visits.open'), 'btn btn-link btn-sm');
      open.type = 'button';
      open.dataset.reference = r.reference;
      open.addEventListener('click', () => show(r.reference));
      const td = el('td');
      td.append(open);
      tr.append(td);
      body.append(tr);
    }
  } catch (error) {
    showError(queueForm, error);
  }
}

async function show(reference) {
  const answer = await api('GET', `/api/visits/${reference}`);
  render(answer.request);
}

function render(r) {
  current = r;
  document.getElementById('detail').classList.remove('d-none');
  const heading = document.getElementById('detail-heading');
  heading.textContent = t('visits.detail', r.reference, t(`visits.status.${r.status}`));
  heading.dataset.status = r.status;
  let summary = `${t(`visits.category.${r.category}`)} · ${r.regionName} · ${r.city} · ${r.address}`;
  if (r.schedule) summary += ` · ${t('visits.scheduledFor', r.schedule.date, r.schedule.from, r.schedule.to, r.schedule.team)}`;
  document.getElementById('detail-summary').textContent = summary;
  const steps = document.getElementById('detail-steps');
  steps.replaceChildren();
  for (const s of r.steps) {
    steps.append(el('li', `${t(`visits.status.${s.status}`)} · ${s.by} · ${formatInstant(s.at)}${s.note ? ' · ' + s.note : ''}`));
  }
  heading.focus();
}

stepForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!current) return;
  clearErrors(stepForm);
  try {
    const answer = await api('POST', `/api/visits/${current.reference}/step`, values(stepForm));
    render(answer.request);
    await loadQueue();
  } catch (error) {
    showError(stepForm, error);
  }
});

newToken();
const caller = sessionStorage.getItem('cc.caller');
if (caller) {
  sessionStorage.removeItem('cc.caller');
  form.elements.namedItem('beneficiary').value = caller;
}
loadRegions().then(loadQueue).catch((error) => showError(form, error));
