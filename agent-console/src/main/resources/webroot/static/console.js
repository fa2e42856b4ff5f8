// Shared by every console page: the API client (CSRF header, language), field errors, sign-out, shortcuts.
// Plain ES module; no inline script anywhere (CSP: script-src 'self').

const strings = JSON.parse(document.getElementById('cc-messages').textContent);

export const lang = document.documentElement.lang || 'ar';

/** A page string from the server's message bundle, with {0}, {1}... filled in. */
export function t(key, ...args) {
  let s = strings[key] ?? key;
  args.forEach((a, i) => { s = s.replaceAll(`{${i}}`, String(a)); });
  return s;
}

/** Calls the JSON API; resolves to the body, or rejects with {status, code, message, fields}. */
export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': lang };
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw { status: 0, code: 'NETWORK', message: t('network') };
  }
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && data.code === 'SESSION_REQUIRED') {
    location.assign('/sign-in');
  }
  if (!res.ok) throw { status: res.status, code: data.code, message: data.message || t('network'), fields: data.fields };
  return data;
}

/** Clears a form's field messages and the page's error box. */
export function clearErrors(form) {
  form.querySelectorAll('.is-invalid').forEach((el) => { el.classList.remove('is-invalid'); el.removeAttribute('aria-invalid'); });
  form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
  const box = document.getElementById('form-error');
  if (box) { box.textContent = ''; box.classList.add('d-none'); }
}

/** Shows an API refusal: each field's message next to it, the general message above; focuses the first bad field. */
export function showError(form, error) {
  clearErrors(form);
  let first = null;
  for (const [name, message] of Object.entries(error.fields || {})) {
    const input = form.elements.namedItem(name);
    const slot = form.querySelector(`[data-error-for="${name}"]`);
    if (input && slot) {
      input.classList.add('is-invalid');
      input.setAttribute('aria-invalid', 'true');
      slot.textContent = message;
      first = first || input;
    }
  }
  const box = document.getElementById('form-error');
  if (box) { box.textContent = error.message; box.classList.remove('d-none'); }
  (first || box)?.focus?.();
}

/** A form's named inputs as an object of strings. */
export function values(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) out[k] = String(v);
  return out;
}

/** Builds an element with text content (never HTML: data from the API is not markup). */
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

/** A timestamp in Riyadh time, Gregorian, Western digits (as the spec writes dates). */
export function formatInstant(iso) {
  const locale = lang === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB';
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Riyadh', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(new Date(iso));
}

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
    || target instanceof HTMLSelectElement || target?.isContentEditable;
}

// "/" jumps to the page's main field (the lookup box), unless the agent is already typing.
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && !e.ctrlKey && !e.altKey && !e.metaKey && !typing(e.target)) {
    const target = document.querySelector('[data-shortcut="/"]');
    if (target) { e.preventDefault(); target.focus(); target.select?.(); }
  }
});

document.getElementById('sign-out')?.addEventListener('click', async () => {
  try { await api('POST', '/api/sign-out', {}); } catch (e) { /* the session is gone either way */ }
  location.assign('/sign-in');
});
