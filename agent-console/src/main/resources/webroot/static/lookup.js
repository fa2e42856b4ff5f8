import { api, clearErrors, el, showError, t, values, lang } from './console.js';

const form = document.getElementById('lookup-form');
const results = document.getElementById('results');
const template = document.getElementById('person-card');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(form);
  results.replaceChildren();
  const button = document.getElementById('lookup-submit');
  button.disabled = true;
  try {
    const answer = await api('POST', '/api/persons/lookup', values(form));
    answer.persons.forEach((p) => results.append(card(p)));
    results.querySelector('.person-card')?.focus();
  } catch (error) {
    showError(form, error);
  } finally {
    button.disabled = false;
  }
});

// Escape clears the screen and goes back to the lookup box, ready for the next caller.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    results.replaceChildren();
    clearErrors(form);
    form.reset();
    form.elements.namedItem('query').focus();
  }
});

function card(p) {
  const node = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => node.querySelector(`[data-slot="${name}"]`);
  const primary = lang === 'ar' ? p.nameAr : p.nameEn;
  const other = lang === 'ar' ? p.nameEn : p.nameAr;
  slot('name').textContent = primary || other;
  slot('nameOther').textContent = primary ? other : '';
  slot('nameOther').lang = lang === 'ar' ? 'en' : 'ar';
  slot('nationalId').textContent = p.nationalId;
  slot('age').textContent = t('person.years', p.age);
  if (p.birthDate) slot('birthDate').textContent = p.birthDate;
  else node.querySelectorAll('[data-row="birthDate"]').forEach((r) => r.classList.add('d-none'));
  slot('gender').textContent = t(`gender.${p.gender}`);
  slot('kind').textContent = t(`kind.${p.kind}`);
  slot('status').textContent = t(`status.${p.status}`);
  slot('disability').textContent = p.disability ? t('yes') : t('no');
  if (p.taqdeerEligible) slot('eligible').classList.remove('d-none');
  slot('mobile').textContent = p.mobile ?? t('person.noMobile');
  if (p.mobileMasked) {
    const reveal = node.querySelector('[data-action="reveal"]');
    reveal.classList.remove('d-none');
    slot('revealNote').classList.remove('d-none');
    reveal.addEventListener('click', async () => {
      reveal.disabled = true;
      try {
        const r = await api('POST', '/api/persons/reveal-mobile', { nationalId: p.nationalId });
        slot('mobile').textContent = r.mobile;
        reveal.remove();
        slot('revealNote').textContent = t('person.revealed');
      } catch (error) {
        reveal.disabled = false;
        slot('revealNote').textContent = error.message;
      }
    });
  }
  slot('history').append(history(p.history));
  // Carry the ID to the next screen in this tab's storage (never in the URL: it would reach logs and history).
  for (const [action, path] of [['book', '/appointments'], ['visit', '/visits']]) {
    node.querySelector(`[data-action="${action}"]`).addEventListener('click', () => {
      sessionStorage.setItem('cc.caller', p.nationalId);
      location.assign(path);
    });
  }
  return node;
}

// The history panel: filled by the case stores once they are connected (appointments, visits, tickets, SMS).
function history(h) {
  if (!h.connected) return el('p', t('history.notConnected'), 'text-body-secondary mb-0 history-placeholder');
  if (h.items.length === 0) return el('p', t('history.empty'), 'text-body-secondary mb-0');
  const list = el('ul', null, 'list-unstyled mb-0');
  for (const item of h.items) {
    const li = el('li', null, 'history-item');
    li.append(el('span', t(`history.kind.${item.kind}`), 'badge text-bg-secondary me-2'));
    if (item.reference) li.append(el('span', item.reference, 'font-monospace me-2'));
    li.append(el('span', item.summary));
    li.append(el('span', item.status, 'text-body-secondary ms-2'));
    list.append(li);
  }
  return list;
}
