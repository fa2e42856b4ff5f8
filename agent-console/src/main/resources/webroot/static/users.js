import { api, el, formatInstant, showError, t, values, clearErrors } from './console.js';

const form = document.getElementById('user-form');
const rows = document.getElementById('users-rows');
const success = document.getElementById('form-success');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  success.classList.add('d-none');
  const button = document.getElementById('user-submit');
  button.disabled = true;
  try {
    const created = await api('POST', '/api/users', values(form));
    clearErrors(form);
    form.reset();
    success.textContent = t('users.created', created.username);
    success.classList.remove('d-none');
    await load();
    form.elements.namedItem('username').focus();
  } catch (error) {
    showError(form, error);
  } finally {
    button.disabled = false;
  }
});

async function load() {
  const answer = await api('GET', '/api/users');
  rows.replaceChildren(...answer.users.map((u) => {
    const tr = el('tr');
    const name = el('td', u.username, 'font-monospace');
    name.dir = 'ltr';
    tr.append(name, el('td', u.displayName), el('td', t(`role.${u.role}`)), el('td', formatInstant(u.createdAt)),
      el('td', u.createdBy));
    return tr;
  }));
}

load().catch((error) => showError(form, error));
