import { api, showError, values } from './console.js';

const form = document.getElementById('sign-in-form');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const button = document.getElementById('sign-in-submit');
  button.disabled = true;
  try {
    await api('POST', '/api/sign-in', values(form));
    location.assign('/');
  } catch (error) {
    showError(form, error);
    form.elements.namedItem('password').value = '';
  } finally {
    button.disabled = false;
  }
});
