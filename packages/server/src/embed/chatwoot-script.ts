/**
 * The browser script of `/embed/chatwoot` (served as `/embed/chatwoot.js`), speaking Chatwoot's
 * dashboard-app protocol:
 *
 * 1. it posts the string `chatwoot-dashboard-app:fetch-info` to its parent (Chatwoot answers with
 *    the context, and also sends it by itself when the frame loads);
 * 2. it accepts a `message` only from an origin of `C360_ALLOWED_ORIGINS` (Chatwoot's messages
 *    carry no signature, so the origin is the only proof of who sent them; another origin is
 *    ignored with a console warning naming it) and only from its parent window;
 * 3. the context is a JSON string `{"event":"appContext","data":{conversation, contact, currentAgent}}`;
 *    the contact's `identifier`, `email` and `phone_number` (else the conversation's
 *    `meta.sender`) go to `GET /embed/lookup` with the page's token, and the customer found is shown
 *    in the page's `<customer-360>`; `data.theme` (`light`/`dark`), when a host sends one, sets the
 *    theme.
 *
 * Plain JavaScript in a string: it is served as is, with no build step, from `c360 serve` as well.
 * @module
 */

export const CHATWOOT_SCRIPT = String.raw`// c360 — Chatwoot dashboard app (see docs/embedding/chatwoot.md)
const config = JSON.parse(document.getElementById('c360-embed-config').textContent);
const statusBox = document.getElementById('status');
const view = document.querySelector('customer-360');
const anyOrigin = config.allowedOrigins.includes('*');
let latest = 0;

function say(text) {
  statusBox.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
  statusBox.hidden = false;
  view.hidden = true;
}

function applyTheme(theme) {
  const value = theme === 'light' || theme === 'dark' ? theme : config.theme;
  document.documentElement.dataset.theme = value;
  view.setAttribute('theme', value);
}

/** The contact's keys: the contact of the context, else the conversation's sender. */
function contactKeys(data) {
  const contact = data.contact && typeof data.contact === 'object' ? data.contact : (data.conversation?.meta?.sender ?? {});
  const text = (value) => (typeof value === 'string' || typeof value === 'number') && String(value).trim() ? String(value).trim() : undefined;
  return { id: text(contact.identifier), email: text(contact.email), phone: text(contact.phone_number) };
}

async function showContact(data) {
  const ticket = ++latest;
  applyTheme(data.theme);
  const keys = contactKeys(data);
  const params = new URLSearchParams(Object.entries(keys).filter(([, v]) => v !== undefined));
  if (![...params.keys()].length) return say('This contact has no identifier, email or phone number to find the customer by.');
  let answer;
  try {
    const response = await fetch('/embed/lookup?' + params, { headers: { authorization: 'Bearer ' + config.token } });
    answer = { ok: response.ok, body: await response.json() };
  } catch (error) {
    answer = { ok: false, body: { detail: 'c360 could not be reached: ' + error.message } };
  }
  if (ticket !== latest) return; // a newer context arrived meanwhile
  if (!answer.ok) return say(answer.body.detail ?? answer.body.title ?? 'The customer could not be looked up.');
  view.setAttribute('customer-id', answer.body.customerId);
  view.dataset.matchedBy = answer.body.matchedBy;
  statusBox.hidden = true;
  view.hidden = false;
}

window.addEventListener('message', (event) => {
  if (!anyOrigin && !config.allowedOrigins.includes(event.origin)) {
    console.warn('c360: ignored a message from ' + event.origin + ', which is not in C360_ALLOWED_ORIGINS');
    return;
  }
  if (event.source !== window.parent || window.parent === window) return; // an allowed origin, but not the host frame
  if (typeof event.data !== 'string') return;
  let message;
  try {
    message = JSON.parse(event.data);
  } catch {
    return;
  }
  if (message?.event !== 'appContext' || !message.data || typeof message.data !== 'object') return;
  void showContact(message.data);
});

applyTheme(undefined);
if (window.parent === window) {
  say('This page is a Chatwoot dashboard app: add its address in Chatwoot (Settings → Integrations → Dashboard apps) and open a conversation.');
} else if (!config.allowedOrigins.length) {
  say('No host may send the conversation yet: set C360_ALLOWED_ORIGINS on the c360 server to the address of your Chatwoot (e.g. https://chatwoot.example.com).');
} else {
  // The request carries no data, so any parent may receive it; only the answer's origin is checked.
  window.parent.postMessage('chatwoot-dashboard-app:fetch-info', '*');
}
`;
