// A load-generating process for bench/fanout: holds many readers on real sockets from its own
// loopback source addresses and records when each sees each benchmark update.
// Talks to the orchestrator over IPC. Loopback only.
import net from 'node:net';
import { io, type Socket } from 'socket.io-client';

interface Start {
  readonly kind: 'start';
  readonly mode: 'sse' | 'socketio';
  readonly port: number;
  readonly path: string;
  readonly count: number;
  readonly sourceAddresses: readonly string[];
  readonly updates: number;
}

const MARK = /BENCH:(\d+):(\d+(?:\.\d+)?)/g;
const now = () => performance.timeOrigin + performance.now();

let received: Float64Array[] = [];
let connected = 0;
let failed = 0;

function record(reader: number, text: string): void {
  for (const match of text.matchAll(MARK)) {
    const index = Number(match[1]);
    const sent = Number(match[2]);
    const row = received[index];
    if (row && Number.isNaN(row[reader] ?? 0)) row[reader] = now() - sent;
  }
}

const MARKER = Buffer.from('BENCH:');
const READY = Buffer.from('event: ready');

/** Finds BENCH:<index>:<time> in raw bytes without decoding the rest of the event. */
function recordBytes(reader: number, bytes: Buffer, at: number): void {
  let from = 0;
  for (;;) {
    const start = bytes.indexOf(MARKER, from);
    if (start === -1) return;
    const end = bytes.indexOf(0x20, start); // the marker ends at a space (or the chunk's end)
    const text = bytes.toString(
      'latin1',
      start,
      end === -1 ? Math.min(bytes.length, start + 48) : end,
    );
    const [, index, sent] = text.split(':');
    const row = received[Number(index)];
    if (row && sent && Number.isNaN(row[reader] ?? 0)) row[reader] = at - Number.parseFloat(sent);
    from = start + MARKER.length;
  }
}

function openSse(start: Start, reader: number, address: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: start.port, localAddress: address });
    let tail: Buffer = Buffer.alloc(0);
    let ready = false;
    socket.on('connect', () => {
      socket.write(
        `GET ${start.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      const at = now();
      const bytes = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      if (!ready && bytes.includes(READY)) {
        ready = true;
        connected++;
        resolve();
      }
      recordBytes(reader, bytes, at);
      // Keep the end of the chunk in case a marker was cut in two.
      tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 48)));
    });
    socket.on('error', () => {
      if (!ready) {
        failed++;
        resolve();
      }
    });
  });
}

const sockets: Socket[] = [];
function openSocketIo(start: Start, reader: number, address: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = io(`http://127.0.0.1:${start.port}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      localAddress: address,
    } as Parameters<typeof io>[1]);
    sockets.push(socket);
    socket.on('connect', () => {
      connected++;
      resolve();
    });
    socket.on('connect_error', () => {
      failed++;
      resolve();
    });
    socket.on('update', (data: string) => {
      record(reader, data);
    });
  });
}

process.on('message', (message: Start | { kind: 'report' } | { kind: 'stop' }) => {
  if (message.kind === 'start') {
    const start = message;
    received = Array.from({ length: start.updates }, () =>
      new Float64Array(start.count).fill(Number.NaN),
    );
    void (async () => {
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
      process.send?.({ kind: 'connected', connected, failed });
    })();
  } else if (message.kind === 'report') {
    process.send?.({ kind: 'report', latencies: received.map((row) => Array.from(row)) });
  } else {
    process.exit(0);
  }
});
