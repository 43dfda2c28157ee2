// A throwaway self-signed key pair for local https servers in e2e tests (openssl, as on every
// Debian): hosts the browser always reaches over https (HSTS-preloaded news sites, news.google.com,
// api.gdeltproject.org) are served by tests/e2e/server.mjs with it, and Chromium is launched with
// --ignore-certificate-errors. Never used outside tests.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Generate key.pem + cert.pem in `dir` (valid 2 days); returns them for startServer({ tls }). */
export function selfSignedPair(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const subject = '/CN=masthead-e2e.invalid';
  execFileSync(
    process.env.OPENSSL_PATH ?? 'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      subject,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
