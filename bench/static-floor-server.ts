// The static floor of bench/scale's pages scenario: a plain node:http server that answers every
// request with the same bytes and headers, held in memory. Nothing is faster in Node on this
// machine, so it is what a worker serving a page from memory is measured against.
//   tsx bench/static-floor-server.ts FILE   (FILE: JSON {headers, body (base64)}; PORT in env)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const file = process.argv[2];
if (!file) throw new Error('usage: static-floor-server.ts FILE');
const { headers, body } = JSON.parse(readFileSync(file, 'utf8')) as {
  headers: Record<string, string>;
  body: string;
};
const bytes = Buffer.from(body, 'base64');
const head = { ...headers, 'content-length': String(bytes.length) };

createServer((_request, response) => {
  response.writeHead(200, head);
  response.end(bytes);
}).listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log('listening');
});
