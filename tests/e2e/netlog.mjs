// The browser-level network log (Chromium NetLog, `--log-net-log`): every URL request the network
// service started, whoever made it — pages, extension pages, workers, offscreen documents and the
// browser itself. A cross-check for tests/e2e/egress.mjs, which attributes requests through CDP:
// a context CDP does not attach to still shows up here, with its initiator origin.
import { readFileSync } from 'node:fs';

/** Chromium flags that write the NetLog to `file` (read it after the browser closed). */
export function netLogArgs(file) {
  return [`--log-net-log=${file}`, '--net-log-capture-mode=Default'];
}

/** Parse a NetLog file; tolerates a log cut short (one event per line while it is written). */
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    const lines = text.split('\n');
    const constants = JSON.parse(lines[0].replace(/^\{"constants":/, '').replace(/,\s*$/, ''));
    const events = [];
    for (const line of lines.slice(2)) {
      try {
        events.push(JSON.parse(line.replace(/,\s*$/, '')));
      } catch {
        // the unfinished last line
      }
    }
    return { constants, events };
  }
}

/**
 * @typedef {object} NetRequest
 * @property {string} url
 * @property {string} host       URL host ('' when not http(s))
 * @property {string} initiator  the initiating origin ('not an origin' for the browser's own)
 * @property {string} isolation  the network isolation key (top-frame site, frame site)
 */

/** Every URL request the network service started (one entry per job, redirects included). */
export function readNetLog(file) {
  const { constants, events } = parse(readFileSync(file, 'utf8'));
  const START = constants.logEventTypes.URL_REQUEST_START_JOB;
  /** @type {NetRequest[]} */
  const out = [];
  for (const e of events) {
    if (e.type !== START || !e.params?.url) continue;
    let host = '';
    try {
      const u = new URL(e.params.url);
      if (u.protocol === 'http:' || u.protocol === 'https:') host = u.host;
    } catch {
      // not a URL
    }
    out.push({
      url: e.params.url,
      host,
      initiator: String(e.params.initiator ?? ''),
      isolation: String(e.params.network_isolation_key ?? ''),
    });
  }
  return out;
}

/** Requests the extension made (initiated by its origin or isolated under it), to the network. */
export function extensionRequests(requests, extensionId) {
  const origin = `chrome-extension://${extensionId}`;
  return requests.filter(
    (r) => r.host !== '' && (r.initiator.startsWith(origin) || r.isolation.includes(origin)),
  );
}
