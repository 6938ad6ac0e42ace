// The floor for bench/scale's readers scenario: the least a Node SSE broadcast can do, with the
// same shape as Ajil in production. WORKERS processes share PORT (node:cluster); each holds its
// readers' sockets and writes every event, as one Buffer, straight to each socket. The primary
// takes POST /publish {type, data} on CONTROL_PORT, numbers the event and relays it to every
// worker over IPC (as Ajil's cluster bus relays its doorbell). No database, no framework, no
// checks per reader. GET /events resumes after Last-Event-ID from the events kept in memory.
import cluster from 'node:cluster';
import http from 'node:http';
import type { Socket } from 'node:net';

const port = Number(process.env.PORT ?? 0);
const controlPort = Number(process.env.CONTROL_PORT ?? 0);
const workers = Number(process.env.WORKERS ?? 1);

interface Frame {
  readonly floorFrame: string;
}

const HEAD =
  'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n' +
  'Cache-Control: no-cache, no-transform\r\nConnection: close\r\n\r\nevent: ready\ndata: {}\n\n';

function primary(): void {
  let seq = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  let listening = 0;
  cluster.on('listening', () => {
    listening++;
    if (listening === workers) process.stdout.write('floor listening\n');
  });
  http
    .createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const { type, data } = JSON.parse(body) as { type: string; data: string };
        seq++;
        const message: Frame = {
          floorFrame: `id: ${String(seq)}\nevent: ${type}\ndata: ${data}\n\n`,
        };
        for (const worker of Object.values(cluster.workers ?? {})) worker?.send(message);
        res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    })
    .listen(controlPort, '127.0.0.1');
}

function worker(): void {
  const readers = new Set<Socket>();
  const history: Buffer[] = []; // history[seq - 1]
  process.on('message', (message: Frame) => {
    const bytes = Buffer.from(message.floorFrame);
    history.push(bytes);
    for (const socket of readers) socket.write(bytes);
  });
  http
    .createServer((req, res) => {
      if (req.url !== '/events') {
        res.writeHead(404).end();
        return;
      }
      const socket = req.socket;
      socket.setNoDelay(true);
      socket.write(HEAD);
      const from = Number(req.headers['last-event-id'] ?? history.length);
      for (const bytes of history.slice(from)) socket.write(bytes);
      readers.add(socket);
      socket.on('close', () => readers.delete(socket));
    })
    .listen(port, '127.0.0.1');
}

if (cluster.isPrimary) primary();
else worker();
