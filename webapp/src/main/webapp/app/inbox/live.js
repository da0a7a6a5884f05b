// The live feed: server-sent events read with fetch(), because EventSource cannot send the
// Authorization header and the token must not travel in a URL that ends up in access logs.
import { session } from '../api.js';

const listeners = new Set();
let running = null;
let typingNow = [];

/** Who types where, as of the last event that said so: a view opened later still knows. */
export function currentTyping() {
  return typingNow;
}

/** Calls `listener(update)` for each "update" event until the returned function is called. */
export function onLive(listener) {
  listeners.add(listener);
  if (!running) running = connect();
  return () => listeners.delete(listener);
}

async function connect() {
  let pause = 1000;
  while (session.get()) {
    const { token, tenant } = session.get();
    try {
      const response = await fetch(`/api/v1/tenants/${encodeURIComponent(tenant)}/live`,
        { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } });
      if (response.status === 401) break;
      if (response.ok) {
        pause = 1000;
        await read(response.body.getReader());
      }
    } catch (error) {
      // The server restarted or the network dropped: try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 15000);
  }
  running = null;
}

async function read(reader) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      dispatch(block);
    }
  }
}

function dispatch(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (name !== 'update' || !data.length) return;
  const update = JSON.parse(data.join('\n'));
  if (update.typing) typingNow = update.typing;
  listeners.forEach((listener) => listener(update));
}
