// A load-generating process for bench/fanout and bench/scale: holds many readers on real
// sockets from its own loopback source addresses and records when each sees each benchmark
// update. An SSE reader whose stream is cut resumes with Last-Event-ID, as a browser does, and
// a delivery seen twice is counted as a duplicate. Talks to its orchestrator over IPC.
import net from 'node:net';
import { io, type Socket } from 'socket.io-client';

export type ReaderMode = 'sse' | 'socketio';

export interface Start {
  readonly kind: 'start';
  readonly mode: ReaderMode;
  readonly port: number;
  readonly path: string;
  readonly count: number;
  readonly sourceAddresses: readonly string[];
  readonly updates: number;
  /** The word before <index>:<time sent> in each benchmark update's text. */
  readonly mark: string;
}

export type ReaderCommand =
  | Start
  /** How far delivery has got; with `upTo`, only updates 0 … upTo − 1 count as missing. */
  | { kind: 'progress'; upTo?: number }
  | { kind: 'report' }
  | { kind: 'stop' };

/** Answers `start` (once every reader is open or has given up) and `progress`. */
export interface Progress {
  readonly kind: 'progress';
  readonly connected: number;
  readonly failed: number;
  /** Deliveries not (yet) seen by readers that did connect. */
  readonly missing: number;
}

export interface Report {
  readonly kind: 'report';
  /** Milliseconds from publish to arrival, one per delivery seen. */
  readonly latencies: number[];
  /** Per update (in publish order), the slowest delivery seen. */
  readonly slowest: number[];
  readonly missing: number;
  readonly duplicated: number;
  readonly drops: number;
}

const CONNECT_ATTEMPTS = 5;
const now = () => performance.timeOrigin + performance.now();

/** received[update][reader]: the latency, NaN until seen. */
let received: Float64Array[] = [];
/** Per reader: 0 connecting, 1 has been ready, 2 gave up connecting. */
let state = new Uint8Array(0);
let connected = 0;
let failed = 0;
let duplicated = 0;
let drops = 0;
let stopping = false;

function seen(reader: number, index: number, sent: number, at: number): void {
  const row = received[index];
  if (!row || !Number.isFinite(sent)) return; // a warm-up update
  if (Number.isNaN(row[reader] ?? 0)) row[reader] = at - sent;
  else duplicated++;
}

let marker = Buffer.alloc(0);
let markText = '';
const READY = Buffer.from('event: ready');
const FRAME_END = Buffer.from('\n\n');
const ID_LINE = Buffer.from('\nid: ');

/** Finds each <mark>:<index>:<time> in whole frames' bytes without decoding the rest. */
function recordFrames(reader: number, bytes: Buffer, at: number): void {
  let from = 0;
  for (;;) {
    const start = bytes.indexOf(marker, from);
    if (start === -1) return;
    from = start + marker.length;
    const text = bytes.toString('latin1', from, Math.min(bytes.length, from + 40));
    const [index, sent] = text.split(':');
    seen(reader, Number(index), Number.parseFloat(sent ?? ''), at);
  }
}

/** The id of the last frame in whole frames' bytes, for Last-Event-ID. */
function lastIdOf(bytes: Buffer): string | undefined {
  const line = bytes.lastIndexOf(ID_LINE);
  const start = line === -1 ? (bytes.subarray(0, 4).toString() === 'id: ' ? 4 : -1) : line + 5;
  if (start === -1) return undefined;
  const end = bytes.indexOf(0x0a, start);
  return bytes.toString('latin1', start, end === -1 ? bytes.length : end);
}

function openSse(start: Start, reader: number, address: string): Promise<void> {
  return new Promise((resolve) => {
    let lastId: string | undefined;
    let attempts = 0;
    const connect = () => {
      attempts++;
      const socket = net.connect({ host: '127.0.0.1', port: start.port, localAddress: address });
      let pending: Buffer = Buffer.alloc(0);
      socket.on('connect', () => {
        const resume = lastId === undefined ? '' : `Last-Event-ID: ${lastId}\r\n`;
        socket.write(
          `GET ${start.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n${resume}\r\n`,
        );
      });
      socket.on('data', (chunk: Buffer) => {
        const at = now();
        const bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
        const cut = bytes.lastIndexOf(FRAME_END);
        if (cut === -1) {
          pending = bytes;
          return;
        }
        const whole = bytes.subarray(0, cut + 2);
        pending = cut + 2 < bytes.length ? Buffer.from(bytes.subarray(cut + 2)) : Buffer.alloc(0);
        if (state[reader] === 0 && whole.includes(READY)) {
          state[reader] = 1;
          connected++;
          resolve();
        }
        recordFrames(reader, whole, at);
        lastId = lastIdOf(whole) ?? lastId;
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (stopping) return;
        if (state[reader] === 1) {
          // Cut by the server after it was open: come back for what was missed, as a browser does.
          drops++;
          setTimeout(connect, 200 + Math.random() * 800);
        } else if (attempts < CONNECT_ATTEMPTS) {
          setTimeout(connect, 500 * attempts);
        } else {
          state[reader] = 2;
          failed++;
          resolve();
        }
      });
    };
    connect();
  });
}

function record(reader: number, text: string): void {
  for (const piece of text.split(markText).slice(1)) {
    const [index, sent] = piece.split(':');
    seen(reader, Number(index), Number.parseFloat(sent ?? ''), now());
  }
}

const sockets: Socket[] = [];
function openSocketIo(start: Start, reader: number, address: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = io(`http://127.0.0.1:${String(start.port)}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      localAddress: address,
    } as Parameters<typeof io>[1]);
    sockets.push(socket);
    socket.on('connect', () => {
      state[reader] = 1;
      connected++;
      resolve();
    });
    socket.on('connect_error', () => {
      state[reader] = 2;
      failed++;
      resolve();
    });
    socket.on('update', (data: string) => {
      record(reader, data);
    });
  });
}

function missingCount(upTo = received.length): number {
  let missing = 0;
  for (const row of received.slice(0, upTo)) {
    for (let reader = 0; reader < row.length; reader++) {
      if (state[reader] === 1 && Number.isNaN(row[reader] ?? 0)) missing++;
    }
  }
  return missing;
}

const progress = (upTo?: number): Progress => ({
  kind: 'progress',
  connected,
  failed,
  missing: missingCount(upTo),
});

async function openAll(start: Start): Promise<void> {
  const batch = 250;
  for (let i = 0; i < start.count; i += batch) {
    const opening: Promise<void>[] = [];
    for (let j = i; j < Math.min(start.count, i + batch); j++) {
      const address = start.sourceAddresses[j % start.sourceAddresses.length] ?? '127.0.0.1';
      opening.push(
        start.mode === 'sse' ? openSse(start, j, address) : openSocketIo(start, j, address),
      );
    }
    await Promise.all(opening);
  }
  process.send?.(progress());
}

process.on('message', (message: ReaderCommand) => {
  if (message.kind === 'start') {
    received = Array.from({ length: message.updates }, () =>
      new Float64Array(message.count).fill(Number.NaN),
    );
    state = new Uint8Array(message.count);
    markText = `${message.mark}:`;
    marker = Buffer.from(markText);
    void openAll(message);
  } else if (message.kind === 'progress') {
    process.send?.(progress(message.upTo));
  } else if (message.kind === 'report') {
    const latencies: number[] = [];
    for (const row of received)
      for (const value of row) if (!Number.isNaN(value)) latencies.push(value);
    const slowest = received.map((row) =>
      row.reduce((most, value) => (Number.isNaN(value) ? most : Math.max(most, value)), 0),
    );
    const report: Report = {
      kind: 'report',
      latencies,
      slowest,
      missing: missingCount(),
      duplicated,
      drops,
    };
    process.send?.(report);
  } else {
    stopping = true;
    process.exit(0);
  }
});
