// Plays Chatwoot's side of the dashboard-app protocol for /embed/chatwoot (see index.html).
// Chatwoot (app/javascript/dashboard/components/widgets/DashboardApp/Frame.vue) sends
// JSON.stringify({ event: 'appContext', data: { conversation, contact, currentAgent } }) to the frame
// with postMessage(…, '*') when the frame loads and whenever the frame posts the string
// 'chatwoot-dashboard-app:fetch-info'. The form fields and the address (?c360=&token=&identifier=
// &email=&phone_number=&name=&theme=) say what to send.

const frame = document.getElementById('dashboard-app');
const appForm = document.getElementById('app-form');
const contactForm = document.getElementById('contact-form');
const log = document.getElementById('log');
const params = new URLSearchParams(location.search);
let conversationId = 1;

for (const form of [appForm, contactForm]) {
  for (const field of form.elements) if (field.name && params.has(field.name)) field.value = params.get(field.name);
}

function note(text) {
  log.textContent = `${new Date().toLocaleTimeString()} ${text}\n${log.textContent}`.slice(0, 4000);
}

/** The context Chatwoot builds: the conversation, its contact, the signed-in agent. */
function appContext() {
  const f = Object.fromEntries(new FormData(contactForm));
  const contact = {
    id: 1000 + conversationId,
    name: f.name,
    email: f.email || null,
    phone_number: f.phone_number || null,
    identifier: f.identifier || null,
    additional_attributes: {},
    custom_attributes: {},
  };
  const data = {
    conversation: {
      id: conversationId,
      inbox_id: 1,
      status: 'open',
      meta: { sender: contact, channel: 'Channel::WebWidget' },
      messages: [],
    },
    contact,
    currentAgent: { id: 1, name: 'Dana (support)', email: 'dana@example.com' },
  };
  if (f.theme) data.theme = f.theme; // Chatwoot sends no theme; a host that does is followed
  return { event: 'appContext', data };
}

function sendContext(why) {
  if (!frame.contentWindow || !frame.src) return;
  frame.contentWindow.postMessage(JSON.stringify(appContext()), '*');
  note(`sent appContext (${why})`);
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.data !== 'chatwoot-dashboard-app:fetch-info') return;
  sendContext('the app asked: fetch-info');
});
frame.addEventListener('load', () => sendContext('the frame loaded'));

function loadApp() {
  const f = Object.fromEntries(new FormData(appForm));
  if (!f.c360 || !f.token) return note('fill in the c360 address and a viewer token, then load the app');
  const url = new URL('/embed/chatwoot', f.c360);
  url.searchParams.set('token', f.token);
  frame.src = url.href;
  note(`loading ${url.origin}/embed/chatwoot`);
}

appForm.addEventListener('submit', (event) => {
  event.preventDefault();
  loadApp();
});
contactForm.addEventListener('submit', (event) => {
  event.preventDefault();
  conversationId += 1;
  sendContext(`conversation ${conversationId} opened`);
});
loadApp();
