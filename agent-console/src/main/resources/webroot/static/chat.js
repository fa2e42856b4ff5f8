// SMS chat inbox: conversations arrive live; an agent takes one (one agent wins), replies by SMS, closes it.
// Unclaimed conversations show how long they have waited, updated every second.
import { api, clearErrors, el, formatInstant, showError, t } from './console.js';
import { connectLive, seconds } from './live.js';

const list = document.getElementById('conversations');
const empty = document.getElementById('chat-empty');
const panel = document.getElementById('conversation');
const messages = document.getElementById('messages');
const form = document.getElementById('reply-form');
const conversations = new Map();
let current = null;
let user = null;
let skew = 0; // server clock minus browser clock, from the list's "now"

connectLive({
  hello: (h) => { user = h.user; load(); },
  chat: (e) => {
    if (e.conversation) upsert(e.conversation);
    if (e.message && current === e.conversation?.id) addMessage(e.message);
    if (current && e.conversation?.id === current) showHeader(e.conversation);
  },
});

async function load() {
  const answer = await api('GET', '/api/chat/conversations');
  skew = Date.parse(answer.now) - Date.now();
  conversations.clear();
  list.replaceChildren();
  answer.conversations.forEach(upsert);
}

function upsert(c) {
  conversations.set(c.id, c);
  let item = list.querySelector(`[data-id="${c.id}"]`);
  if (c.status === 'CLOSED') {
    item?.remove();
  } else {
    if (!item) {
      item = el('button', null, 'list-group-item list-group-item-action conversation-item');
      item.type = 'button';
      item.dataset.id = c.id;
      item.addEventListener('click', () => select(c.id));
      list.append(item);
    }
    item.replaceChildren(el('span', c.citizen, 'font-monospace me-2'), el('span', status(c), 'badge text-bg-light border me-2'),
      el('span', '', 'small text-body-secondary age'));
    item.dataset.status = c.status;
    item.classList.toggle('active', c.id === current);
  }
  empty.classList.toggle('d-none', list.children.length > 0);
  ages();
}

function status(c) {
  return c.status === 'CLAIMED' ? t('chat.status.CLAIMED', c.agent === user ? t('chat.you') : c.agent) : t(`chat.status.${c.status}`);
}

function ages() {
  const now = Date.now() + skew;
  for (const item of list.children) {
    const c = conversations.get(item.dataset.id);
    const age = item.querySelector('.age');
    if (!c || !age) continue;
    const waited = (now - Date.parse(c.openedAt)) / 1000;
    age.textContent = c.status === 'OPEN' ? t('chat.waiting', seconds(waited)) : '';
    item.classList.toggle('list-group-item-warning', c.status === 'OPEN' && waited > 120);
    item.classList.toggle('list-group-item-danger', c.status === 'OPEN' && waited > 600);
  }
}
setInterval(ages, 1000);

async function select(id) {
  current = id;
  for (const item of list.children) item.classList.toggle('active', item.dataset.id === id);
  clearErrors(form);
  const answer = await api('GET', `/api/chat/conversations/${encodeURIComponent(id)}`);
  document.getElementById('chat-pick').classList.add('d-none');
  panel.classList.remove('d-none');
  panel.dataset.id = id;
  messages.replaceChildren();
  answer.messages.forEach(addMessage);
  showHeader(answer.conversation);
}

function showHeader(c) {
  document.getElementById('conv-citizen').textContent = c.citizen;
  const badge = document.getElementById('conv-status');
  badge.textContent = status(c);
  badge.dataset.status = c.status;
  const mine = c.status === 'CLAIMED' && c.agent === user;
  document.getElementById('conv-claim').classList.toggle('d-none', c.status !== 'OPEN');
  document.getElementById('conv-close').classList.toggle('d-none', !mine);
  form.classList.toggle('d-none', !mine);
}

function addMessage(m) {
  if (messages.querySelector(`[data-id="${CSS.escape(m.id)}"]`)) return;
  const li = el('li', null, `mb-2 p-2 rounded chat-message ${m.direction === 'TO_CITIZEN' ? 'bg-primary-subtle ms-5' : 'bg-body-secondary me-5'}`);
  li.dataset.id = m.id;
  li.dataset.direction = m.direction;
  li.append(el('div', m.direction === 'TO_CITIZEN' ? m.author : t('chat.citizen'), 'small fw-bold'));
  li.append(el('div', m.text, 'chat-text'));
  li.append(el('div', formatInstant(m.at), 'small text-body-secondary'));
  messages.append(li);
}

document.getElementById('conv-claim').addEventListener('click', async () => {
  try {
    const r = await api('POST', `/api/chat/conversations/${encodeURIComponent(current)}/claim`, {});
    upsert(r.conversation);
    showHeader(r.conversation);
    document.getElementById('reply-text').focus();
  } catch (error) {
    showError(form, error);
  }
});

document.getElementById('conv-close').addEventListener('click', async () => {
  try {
    const r = await api('POST', `/api/chat/conversations/${encodeURIComponent(current)}/close`, {});
    upsert(r.conversation);
    showHeader(r.conversation);
  } catch (error) {
    showError(form, error);
  }
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearErrors(form);
  const text = document.getElementById('reply-text');
  const button = document.getElementById('reply-send');
  button.disabled = true;
  try {
    const r = await api('POST', `/api/chat/conversations/${encodeURIComponent(current)}/reply`, { text: text.value });
    addMessage(r.message);
    text.value = '';
  } catch (error) {
    showError(form, error);
  } finally {
    button.disabled = false;
  }
});
