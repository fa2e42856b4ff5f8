import { api, clearErrors, el, formatInstant, showError, t, values } from './console.js';

const form = document.getElementById('audit-form');
const rows = document.getElementById('audit-rows');
const more = document.getElementById('audit-more');
const empty = document.getElementById('audit-empty');
let lastQuery = null;

form.addEventListener('submit', (e) => {
  e.preventDefault();
  lastQuery = values(form);
  rows.replaceChildren();
  search(lastQuery);
});

more.addEventListener('click', () => search(lastQuery, more.dataset.next));

async function search(query, before) {
  clearErrors(form);
  try {
    const page = await api('POST', '/api/audit/search', before ? { ...query, before } : query);
    if (!form.elements.namedItem('from').value) form.elements.namedItem('from').value = page.from;
    if (!form.elements.namedItem('to').value) form.elements.namedItem('to').value = page.to;
    for (const entry of page.entries) rows.append(row(entry));
    empty.classList.toggle('d-none', rows.children.length > 0);
    more.classList.toggle('d-none', !page.next);
    more.dataset.next = page.next || '';
  } catch (error) {
    showError(form, error);
  }
}

function row(e) {
  const tr = el('tr');
  tr.append(el('td', formatInstant(e.at), 'text-nowrap'));
  tr.append(el('td', e.actor));
  tr.append(el('td', e.role ? t(`role.${e.role}`) : ''));
  tr.append(el('td', t(`action.${e.action}`) === `action.${e.action}` ? e.action : t(`action.${e.action}`)));
  const id = el('td', e.nationalId || '', 'font-monospace');
  id.dir = 'ltr';
  tr.append(id);
  // Details are machine text (Latin, masked numbers): isolate their direction inside an RTL row.
  const detail = el('td');
  const text = el('span', e.detail);
  text.dir = 'ltr';
  detail.append(text);
  tr.append(detail);
  tr.append(el('td', e.address, 'font-monospace small'));
  return tr;
}

// Open on the last seven days.
lastQuery = values(form);
search(lastQuery);
