// The live event stream (server-sent events) shared by the calls, chat and dashboard pages.
// Shows the link's state to the user at all times and recovers by itself: EventSource reconnects with
// Last-Event-ID (the server replays missed pops); if no event or heartbeat arrives for 40 s, or the stream was
// refused, the page checks the session and opens a new stream with backoff. Never a silent "LAGGED".
import { t } from './console.js';

const WATCHDOG_MS = 40000;

export function connectLive(handlers) {
  const badge = document.getElementById('live-link');
  let source = null;
  let lastSeen = Date.now();
  let retry = 1000;
  let ended = false;

  function show(state) {
    if (!badge) return;
    badge.dataset.state = state;
    badge.textContent = t(`live.${state}`);
    badge.className = 'badge ' + ({ connected: 'text-bg-success', connecting: 'text-bg-secondary',
      reconnecting: 'text-bg-danger', signedOut: 'text-bg-dark' }[state] || 'text-bg-secondary');
  }

  function open() {
    if (ended) return;
    show(source ? 'reconnecting' : 'connecting');
    source = new EventSource('/api/live/events', { withCredentials: true });
    source.onopen = () => { retry = 1000; lastSeen = Date.now(); show('connected'); };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        show('reconnecting');
        recover();
      } else {
        show('reconnecting'); // the browser retries by itself
      }
    };
    source.onmessage = () => { lastSeen = Date.now(); };
    for (const [event, handler] of Object.entries(handlers)) {
      source.addEventListener(event, (e) => {
        lastSeen = Date.now();
        show('connected');
        handler(JSON.parse(e.data), e);
      });
    }
    source.addEventListener('ping', () => { lastSeen = Date.now(); show('connected'); });
    source.addEventListener('signed-out', () => { ended = true; source.close(); show('signedOut'); location.assign('/sign-in'); });
  }

  async function recover() {
    source?.close();
    try {
      const res = await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (res.status === 401) { ended = true; show('signedOut'); location.assign('/sign-in'); return; }
    } catch (e) { /* offline: keep trying */ }
    setTimeout(open, retry);
    retry = Math.min(retry * 2, 15000);
  }

  // The server sends "ping" every 15 s: a stream silent for 40 s is dead even if the browser has not noticed
  // (a proxy or a sleeping laptop); drop it and open a new one, which replays the missed pops.
  setInterval(() => {
    if (!ended && source && Date.now() - lastSeen > WATCHDOG_MS) {
      lastSeen = Date.now();
      show('reconnecting');
      recover();
    }
  }, 5000);

  open();
  return { close() { ended = true; source?.close(); } };
}

/** A duration in seconds as "42 s" or "3 min 5 s". */
export function seconds(s) {
  s = Math.max(0, Math.floor(s));
  return s < 60 ? t('live.seconds', s) : t('live.minutes', Math.floor(s / 60), s % 60);
}
