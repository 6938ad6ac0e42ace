import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForbiddenAddress, safeFetch, vetUrl } from './platform.fetch.js';

describe('the guarded fetch of pasted URLs', () => {
  it.each([
    'http://127.0.0.1/',
    'http://localhost/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.1.2.3/',
    'http://192.168.1.1/',
    'http://172.20.0.1/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
  ])('refuses %s', async (url) => {
    await expect(vetUrl(url)).rejects.toMatchObject({ status: 400, code: 'url_refused' });
  });

  it.each([
    'ftp://example.org/',
    'file:///etc/passwd',
    'http://user:pw@example.org/',
    'http://example.org:8080/',
    'javascript:alert(1)',
  ])('refuses %s by its form', async (url) => {
    await expect(vetUrl(url, () => Promise.resolve(['93.184.216.34']))).rejects.toMatchObject({
      status: 400,
    });
  });

  it('refuses a name that resolves to any private address among public ones', async () => {
    await expect(
      vetUrl('https://rebind.example/', () => Promise.resolve(['93.184.216.34', '127.0.0.1'])),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      vetUrl('https://ok.example/', () => Promise.resolve(['93.184.216.34'])),
    ).resolves.toMatchObject({ address: '93.184.216.34' });
  });

  it('classifies addresses', () => {
    expect(isForbiddenAddress('8.8.8.8')).toBe(false);
    expect(isForbiddenAddress('2a00:1450:4001:81b::200e')).toBe(false);
    expect(isForbiddenAddress('169.254.169.254')).toBe(true);
    expect(isForbiddenAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isForbiddenAddress('192.0.78.9')).toBe(false); // a public host in 192.0.0.0/16
    expect(isForbiddenAddress('192.0.0.8')).toBe(true);
    expect(isForbiddenAddress('2002:7f00:1::1')).toBe(true); // 6to4 of 127.0.0.1
  });

  describe('redirects are checked hop by hop', () => {
    let server: http.Server;
    let port = 0;
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        if (req.url === '/to-metadata') {
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
          res.end();
        } else if (req.url === '/drip') {
          // A byte every 300 ms, for ever: never silent long enough for a socket time-out.
          res.writeHead(200, { 'content-type': 'text/html' });
          const timer = setInterval(() => res.write('.'), 300);
          res.on('close', () => {
            clearInterval(timer);
          });
        } else if (req.url === '/big') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('x'.repeat(2 * 1024 * 1024));
        } else {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<title>مرحبا</title>');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => {
      server.close();
    });

    // In this test the local server stands in for a public site: only its exact address is allowed.
    const options = () => ({
      resolver: (host: string) =>
        Promise.resolve(host === 'public.test' ? ['127.0.0.1'] : ['169.254.169.254']),
      forbidden: (address: string) => address !== '127.0.0.1' && isForbiddenAddress(address),
    });

    it('follows to an allowed page, refuses a redirect to the metadata address, caps the size', async () => {
      const ok = await safeFetch(`http://public.test:${port}/`, options());
      expect(ok.body.toString()).toContain('مرحبا');
      await expect(
        safeFetch(`http://public.test:${port}/to-metadata`, options()),
      ).rejects.toMatchObject({ code: 'url_refused' });
      await expect(
        safeFetch(`http://public.test:${port}/big`, { ...options(), maxBytes: 1024 * 1024 }),
      ).rejects.toMatchObject({ code: 'url_refused' });
    });
  });
});
