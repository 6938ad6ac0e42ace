// A small Server-Sent Events reader for tests and benchmarks: real sockets, the SSE wire format,
// and (optionally) the reconnect-with-last-id loop a browser client must have.
import http from 'node:http';
import https from 'node:https';

export interface SseEvent {
  readonly id: number | undefined;
  readonly type: string;
  readonly data: string;
}

export interface SseReaderOptions {
  readonly url: string;
  readonly lastEventId?: number;
  /** Reconnect after a close or error, passing the last id (default true). */
  readonly reconnect?: boolean;
  readonly retryMs?: number;
  readonly localAddress?: string;
  readonly agent?: http.Agent;
  /** For an https url: the certificate to trust (a test's own, self-signed). */
  readonly ca?: Buffer;
  readonly onEvent?: (event: SseEvent) => void;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  lastEventId: number | undefined;
  connects = 0;
  lastStatus = 0;
  private request: http.ClientRequest | undefined;
  private stopped = false;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(private readonly options: SseReaderOptions) {
    this.lastEventId = options.lastEventId;
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const url = new URL(this.options.url);
    if (this.lastEventId !== undefined)
      url.searchParams.set('lastEventId', String(this.lastEventId));
    const get = url.protocol === 'https:' ? https.get : http.get;
    const request = get(
      url,
      {
        headers: { accept: 'text/event-stream' },
        agent: this.options.agent ?? false,
        ...(this.options.localAddress && { localAddress: this.options.localAddress }),
        ...(this.options.ca && { ca: this.options.ca }),
      },
      (res) => {
        this.lastStatus = res.statusCode ?? 0;
        if (res.statusCode !== 200) {
          res.resume();
          res.on('end', () => {
            this.retry();
          });
          return;
        }
        this.connects++;
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            this.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        res.on('close', () => {
          this.retry();
        });
      },
    );
    request.on('error', () => {
      this.retry();
    });
    this.request = request;
  }

  private retry(): void {
    if (this.stopped || this.options.reconnect === false) return;
    const wait = (this.options.retryMs ?? 100) * (0.5 + Math.random());
    setTimeout(() => {
      this.connect();
    }, wait).unref();
  }

  private parse(block: string): void {
    let type = 'message';
    let id: number | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = Number(value);
    }
    if (data.length === 0) return;
    const event: SseEvent = { id, type, data: data.join('\n') };
    if (id !== undefined) this.lastEventId = id;
    this.events.push(event);
    this.options.onEvent?.(event);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test()) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Resolves when `test` holds, or rejects after `timeoutMs`. */
  until(test: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(
            `timed out; have ${this.events.length} events, last id ${String(this.lastEventId)}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Events that carry an id (the page's own events, not ready/reset). */
  numbered(): SseEvent[] {
    return this.events.filter((event) => event.id !== undefined && event.type !== 'reset');
  }

  close(): void {
    this.stopped = true;
    this.request?.destroy();
  }
}
