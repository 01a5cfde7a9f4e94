import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { addressProblem, bareHostname, guardedLookup } from './webhook-target';

/** A receiver that does not answer within this long counts as a failed attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Of a receiver's answer only this much is read (and none of it stored). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface SendResult {
  /** HTTP status, or null when no answer came (refused address, timeout, connection error). */
  status: number | null;
  durationMs: number;
  /** Why the attempt failed; null on a 2xx answer. */
  error: string | null;
  /** A failure no retry can fix (the address is refused). */
  permanent: boolean;
}

/**
 * One POST with node's http client: redirects are never followed (a 3xx is a failure), the
 * connection goes only to an allowed address (checked at connect time), everything ends after 10 s.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  production: boolean,
): Promise<SendResult> {
  const started = Date.now();
  const done = (status: number | null, error: string | null, permanent = false): SendResult => ({
    status,
    durationMs: Date.now() - started,
    error,
    permanent,
  });
  const url = new URL(target);
  const host = bareHostname(url.hostname);
  if (isIP(host)) {
    const problem = addressProblem(host, production);
    if (problem) return Promise.resolve(done(null, `${host}: ${problem}`, true));
  }
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        lookup: guardedLookup(production) as never,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const finish = () => {
          const status = res.statusCode ?? 0;
          resolve(done(status, status >= 200 && status < 300 ? null : `HTTP ${status}`));
        };
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', () => undefined);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
      resolve(
        done(
          null,
          timedOut ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : error.message.slice(0, 500),
          error.code === 'EBLOCKED',
        ),
      );
    });
    req.end(body);
  });
}
