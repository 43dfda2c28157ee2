// A local HTTPS server for e2e tests that stand real https hosts in on 127.0.0.1 (HSTS-preloaded
// news and API hosts are always upgraded to https by the browser: finding 11). The key pair is
// self-signed and made at test time with openssl (as on every Debian); launch the browser with
// `launchWithExtension({ ignoreCertificateErrors: true })` and map the hosts with `hostMap`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';

/** A throwaway self-signed key pair written to `dir` (2048-bit RSA, valid 2 days). */
export function selfSignedPair(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const openssl = process.env.OPENSSL_PATH ?? '/usr/bin/openssl';
  execFileSync(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=masthead-e2e.invalid',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * startServer() over TLS with a fresh self-signed pair (routes as in server.mjs; the returned
 * `routes` table can be extended while the server runs). close() also deletes the key pair.
 * @param {Parameters<typeof startServer>[0]} routes
 */
export async function startTlsServer(routes = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'masthead-tls-'));
  try {
    const server = await startServer(routes, { tls: selfSignedPair(dir) });
    return {
      ...server,
      close: async () => {
        await server.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
