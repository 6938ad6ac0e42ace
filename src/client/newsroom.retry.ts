// Sending what must happen once (a new draft, a publish, a photo) over a connection that may drop
// the answer. Each intended request gets one Idempotency-Key, and every retry of it carries the
// same key, so the server runs it once and answers each retry with its first answer.

/** A new key for one intended request: 128 random bits, as hex (visible ASCII). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Waits before each retry: the first retry soon, later ones further apart. */
const BACKOFF_MS = [500, 1_500, 3_000, 6_000];

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    window.setTimeout(resolve, ms);
  });

/**
 * Whether the answer says "not done, try again": the first request with the key is still
 * running (409 idempotency_in_progress), or the server or a proxy could not take it now.
 */
async function worthRetrying(response: Response): Promise<boolean> {
  if ([502, 503, 504].includes(response.status)) return true;
  if (response.status !== 409) return false;
  const problem = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string } } | null;
  return problem?.error?.code === 'idempotency_in_progress';
}

/**
 * Sends `attempt` until it gets a definite answer, retrying a lost answer (a network error) or
 * a "not now" with backoff. `attempt` must send the same request each time, with the same key.
 * Throws the last network error if the connection never came back (at once when the browser
 * knows it is offline); returns the last answer.
 */
export async function sendWithRetries(attempt: () => Promise<Response>): Promise<Response> {
  for (let tries = 0; ; tries++) {
    const last = tries >= BACKOFF_MS.length;
    try {
      const response = await attempt();
      if (last || !(await worthRetrying(response))) return response;
    } catch (error) {
      // No network at all: nothing to wait for here; the caller keeps it until it is back.
      if (last || !navigator.onLine) throw error;
    }
    await sleep(BACKOFF_MS[tries] ?? 0);
  }
}
