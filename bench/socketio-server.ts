// The peer for bench/fanout: a plain Socket.IO broadcast server (websocket transport), one
// process. POST /publish {data} broadcasts the data to every connected client.
import http from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 3400);
const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/publish') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    const { data } = JSON.parse(body) as { data: string };
    io.emit('update', data);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
const io = new Server(server, { transports: ['websocket'], serveClient: false });
server.listen(port, '127.0.0.1', () => {
  process.stdout.write('socket.io peer listening\n');
});
