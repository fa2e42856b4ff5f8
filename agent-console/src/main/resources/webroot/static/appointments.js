import { api, clearErrors, el, showError, t, values } from './console.js';

const form = document.getElementById('booking-form');
const levels = ['service', 'region', 'office', 'section', 'date', 'time'];
const booked = document.getElementById('booked');
const list = document.getElementById('appointment-list');
let rescheduling = null;

function newToken() {
  form.elements.namedItem('formToken').value = crypto.randomUUID();
}

function select(name) {
  return form.elements.namedItem(name);
}

function fill(name, options, valueOf, labelOf) {
  const s = select(name);
  s.replaceChildren(el('option', t('appointments.choose')));
  s.firstChild.value = '';
  for (const o of options) {
    const opt = el('option', labelOf(o));
    opt.value = valueOf(o);
    s.append(opt);
  }
  s.disabled = options.length === 0;
}

function clearBelow(name) {
  for (const level of levels.slice(levels.indexOf(name) + 1)) {
    select(level).replaceChildren();
    select(level).disabled = true;
  }
}

async function choices(changed) {
  const q = new URLSearchParams();
  for (const level of levels.slice(0, levels.indexOf(changed) + 1)) {
    if (level !== 'time' && select(level).value) q.set(level, select(level).value);
  }
  const answer = await api('GET', `/api/appointments/choices?${q}`);
  if (!changed || changed === 'none') {
    fill('service', answer.services, (s) => s.code, (s) => s.name);
    return;
  }
  if (answer.regions && changed === 'service') fill('region', answer.regions, (r) => r.code, (r) => r.name);
  if (answer.offices && changed === 'region') fill('office', answer.offices, (o) => o.id, (o) => `${o.name} — ${o.city}`);
  if (answer.sections && changed === 'office') fill('section', answer.sections, (s) => s.code, (s) => s.name);
  if (answer.days && changed === 'section') {
    fill('date', answer.days, (d) => d.date, (d) => d.label);
    if (answer.days.length === 0) showError(form, { message: t('appointments.noDays') });
  }
  if (answer.times && changed === 'date') {
    fill('time', answer.times, (x) => x.time, (x) => t('appointments.timeFree', x.time, x.free));
  }
}

for (const level of levels.slice(0, -1)) {
  select(level).addEventListener('change', async () => {
    clearBelow(level);
    clearErrors(form);
    if (!select(level).value) return;
    try {
      await choices(level);
    } catch (error) {
      showError(form, error);
    }
  });
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(form);
  booked.classList.add('d-none');
  const button = document.getElementById('book-submit');
  button.disabled = true;
  try {
    const body = values(form);
    delete body.region;
    const path = rescheduling ? `/api/appointments/${rescheduling}/reschedule` : '/api/appointments';
    const answer = await api('POST', path, body);
    const a = answer.appointment;
    booked.textContent = t(rescheduling ? 'appointments.moved' : 'appointments.booked', a.reference,
      a.officeName, a.date, a.time) + ' ' + (answer.smsQueued ? t('appointments.smsQueued') : t('appointments.noSms'));
    booked.dataset.reference = a.reference;
    booked.classList.remove('d-none');
    booked.focus();
    stopRescheduling();
    newToken();
    clearBelow('section');
    await showList();
  } catch (error) {
    showError(form, error);
    if (error.code === 'SLOT_FULL') {
      // Someone else took the last place: refresh the times so the agent offers what is left.
      try { await choices('date'); } catch (ignored) { /* the message above is enough */ }
    }
  } finally {
    button.disabled = false;
  }
});

function stopRescheduling() {
  rescheduling = null;
  document.getElementById('mode-note').classList.add('d-none');
  document.getElementById('reschedule-stop').classList.add('d-none');
  document.getElementById('book-submit').textContent = t('appointments.bookButton');
}

document.getElementById('reschedule-stop').addEventListener('click', stopRescheduling);

function startRescheduling(a) {
  rescheduling = a.reference;
  newToken();
  const note = document.getElementById('mode-note');
  note.textContent = t('appointments.rescheduling', a.reference);
  note.classList.remove('d-none');
  document.getElementById('reschedule-stop').classList.remove('d-none');
  document.getElementById('book-submit').textContent = t('appointments.moveButton');
  select('service').value = a.service;
  select('service').dispatchEvent(new Event('change'));
  select('service').focus();
}
document.getElementById('show-appointments').addEventListener('click', async () => {
  clearErrors(form);
  try { await showList(); } catch (error) { showError(form, error); }
});

/** Shows the person's appointments and returns them. */
async function showList() {
  const nationalId = select('nationalId').value;
  const answer = await api('POST', '/api/appointments/of', { nationalId });
  document.getElementById('list-section').classList.remove('d-none');
  if (answer.appointments.length === 0) {
    list.replaceChildren(el('p', t('appointments.none'), 'text-body-secondary'));
    return answer.appointments;
  }
  const ul = el('ul', null, 'list-group');
  for (const a of answer.appointments) {
    const li = el('li', null, 'list-group-item d-flex flex-wrap gap-2 align-items-center appointment-item');
    li.append(el('span', a.reference, 'font-monospace'));
    li.append(el('span', `${a.serviceName} · ${a.officeName} · ${a.sectionName}`));
    const when = el('span', `${a.date} ${a.time}`);
    when.dir = 'ltr';
    li.append(when);
    li.append(el('span', t(`appointments.status.${a.status}`), a.status === 'BOOKED' ? 'badge text-bg-success' : 'badge text-bg-secondary'));
    if (a.status === 'BOOKED') {
      const move = el('button', t('appointments.reschedule'), 'btn btn-outline-primary btn-sm ms-auto');
      move.type = 'button';
      move.addEventListener('click', () => startRescheduling(a));
      const cancel = el('button', t('appointments.cancel'), 'btn btn-outline-danger btn-sm');
      cancel.type = 'button';
      cancel.addEventListener('click', async () => {
        if (!confirm(t('appointments.confirmCancel', a.reference))) return;
        try {
          await api('POST', `/api/appointments/${a.reference}/cancel`,
            { nationalId, smsLanguage: select('smsLanguage').value });
          await showList();
        } catch (error) {
          showError(form, error);
        }
      });
      li.append(move, cancel);
    }
    ul.append(li);
  }
  list.replaceChildren(ul);
  return answer.appointments;
}

/**
 * What the screen pop's "continue the booking" link carries (docs/readme-live.md): nid, service (the IVR booking
 * menu's digit, 1 = the first service, or a service code), callerLanguage (ar/en), ref (a reference the caller gave
 * or was given), intent, trail, call.
 */
function fromCall() {
  const q = new URLSearchParams(window.location.search);
  const service = q.get('service');
  let serviceCode = null;
  if (service && /^[0-9]{1,2}$/.test(service)) {
    const options = [...select('service').options].filter((o) => o.value);
    const n = Number(service);
    if (n >= 1 && n <= options.length) serviceCode = options[n - 1].value;
  } else if (service && [...select('service').options].some((o) => o.value === service)) {
    serviceCode = service;
  }
  const language = q.get('callerLanguage');
  return {
    nid: q.get('nid'),
    ref: q.get('ref'),
    serviceCode,
    language: language === 'ar' || language === 'en' ? language : null,
  };
}

async function appointmentOf(reference) {
  try {
    const listed = await showList();
    return listed.find((a) => a.reference === reference && a.status === 'BOOKED') || null;
  } catch (error) {
    showError(form, error);
    return null;
  }
}

async function prefill() {
  const call = fromCall();
  const caller = sessionStorage.getItem('cc.caller');
  if (caller) sessionStorage.removeItem('cc.caller');
  const nid = call.nid || caller;
  if (nid) select('nationalId').value = nid;
  if (call.language) select('smsLanguage').value = call.language;
  // A reference from the IVR that names one of the caller's active appointments: the call is about that one, so
  // the page opens on its reschedule (any other reference, e.g. a lost report's, leaves a plain booking page).
  const about = call.ref && nid ? await appointmentOf(call.ref) : null;
  if (about) {
    startRescheduling(about);
    form.dataset.prefilled = 'reschedule';
  } else if (call.serviceCode) {
    select('service').value = call.serviceCode;
    await choices('service');
    form.dataset.prefilled = 'service';
    select('region').focus();
  } else if (nid) {
    select('service').focus();
  }
  form.dataset.ready = 'true';
}

newToken();
choices('none').then(prefill).catch((error) => showError(form, error));
