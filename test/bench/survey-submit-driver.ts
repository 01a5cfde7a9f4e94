/**
 * Load driver of the survey-submit benchmark, in its own process so that it does not share the
 * api's event loop: started by survey-submit.ts (fork of run.js), it receives single-use tokens
 * over IPC, posts one answer per token with autocannon and sends back what it measured.
 * Not a benchmark on its own.
 */
import autocannon from 'autocannon';
import { random } from '../support/random';

export interface LoadRequest {
  kind: 'run';
  label: string;
  /** http://127.0.0.1:<port> of each api process: connections and tokens are split evenly among them. */
  baseUrls: string[];
  tokens: string[];
  valueIds: string[];
  connections: number;
  durationSeconds: number;
  seed: number;
}

export interface LoadResult {
  label: string;
  connections: number;
  tokens: number;
  /** setupRequest calls: every call takes the next token, so each token goes out at most once. */
  handedOut: number;
  distinctHandedOut: number;
  responses: number;
  status: Record<string, number>;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  stoppedBy: 'tokens' | 'duration';
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
}

const COMMENTS = [
  'Vriendelijk geholpen, snel antwoord.',
  'De monteur kwam te laat.',
  'Duidelijke uitleg, dank je wel!',
  'Ik moest drie keer bellen.',
];

export interface Answer {
  grades: { valueId: string; grade: number | null }[];
  nps: number | null;
  comment?: string;
}

/** A customer's answer: a grade 1-10 per value (one in ten "weet ik niet"), NPS, a comment on some. */
export function answer(valueIds: string[], next: () => number): Answer {
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    grades: valueIds.map((valueId) => ({ valueId, grade: next() < 0.1 ? null : int(1, 10) })),
    nps: next() < 0.1 ? null : int(0, 10),
    ...(next() < 0.3 ? { comment: COMMENTS[int(0, COMMENTS.length - 1)] } : {}),
  };
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

/** What one autocannon instance (one api process) measured. */
interface PartResult {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function runLoad(req: LoadRequest): Promise<LoadResult> {
  const { tokens, baseUrls } = req;
  const connections = Math.max(baseUrls.length, Math.min(req.connections, tokens.length));
  const next = random(req.seed);
  const handed = new Set<string>();
  let handedOut = 0;
  const latencies = new Float64Array(tokens.length * 2); // retries after a timeout take a new token
  let responses = 0;
  const status: Record<string, number> = {};
  let stoppedBy: LoadResult['stoppedBy'] = 'tokens';
  const started = process.hrtime.bigint();
  const share = (total: number, i: number) =>
    Math.floor(total / baseUrls.length) + (i < total % baseUrls.length ? 1 : 0);
  let offset = 0;

  const parts = baseUrls.map((url, i): Promise<PartResult> => {
    const own = tokens.slice(offset, (offset += share(tokens.length, i)));
    let used = 0;
    return new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections: Math.max(1, Math.min(share(connections, i), own.length)),
          // One request per token: autocannon calls setupRequest exactly once per request it writes
          // and never writes more than `amount`, so the tokens cannot run out or repeat.
          amount: own.length,
          timeout: 10,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (request) => {
                // Defensive only (see `amount`): an unknown token is a cheap 404, never a reuse.
                const token = used < own.length ? own[used] : 'exhausted';
                used++;
                handedOut++;
                handed.add(token);
                return {
                  ...request,
                  path: `/api/respond/${token}`,
                  body: JSON.stringify(answer(req.valueIds, next)),
                };
              },
            },
          ],
        },
        (error, result) => {
          clearTimeout(timer);
          if (error) return reject(error);
          resolve({
            ok: result['2xx'],
            non2xx: result.non2xx,
            errors: result.errors,
            timeouts: result.timeouts,
          });
        },
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (responses < latencies.length) latencies[responses] = responseTime;
        responses++;
        status[statusCode] = (status[statusCode] ?? 0) + 1;
      });
      const timer = setTimeout(() => {
        stoppedBy = 'duration';
        instance.stop();
      }, req.durationSeconds * 1000);
    });
  });
  const results = await Promise.all(parts);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latencies.slice(0, responses).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  const total = (key: keyof PartResult) => results.reduce((n, r) => n + r[key], 0);
  return {
    label: req.label,
    connections,
    tokens: tokens.length,
    handedOut,
    distinctHandedOut: handed.size,
    responses,
    status,
    ok: total('ok'),
    non2xx: total('non2xx'),
    errors: total('errors'),
    timeouts: total('timeouts'),
    seconds,
    stoppedBy,
    latencyMs: {
      mean: responses ? sum / responses : 0,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1] : 0,
    },
  };
}

if (process.send && process.env.SURVEY_SUBMIT_DRIVER === '1') {
  process.on('message', (message: LoadRequest | { kind: 'exit' }) => {
    if (message.kind === 'exit') process.exit(0);
    runLoad(message).then(
      (result) => process.send!({ kind: 'result', result }),
      (error: Error) => process.send!({ kind: 'error', message: error.stack ?? String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ kind: 'ready' });
}
