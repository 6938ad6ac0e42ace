// Fills in deploy/nginx/ajil.conf: `node deploy/nginx/render.mjs NAME=value ... > ajil.conf`.
// UPSTREAMS is a comma-separated list of host:port (one `server` line each).
import { readFileSync } from 'node:fs';

const defaults = {
  UPSTREAMS: '127.0.0.1:3000',
  CACHE_DIR: '/var/cache/nginx/ajil',
  HTTP_PORT: '80',
  HTTPS_PORT: '443',
  SERVER_NAME: 'news.example.org',
  TLS_CERT: '/etc/ssl/certs/ajil.pem',
  TLS_KEY: '/etc/ssl/private/ajil.key',
  ASSET_DIR: '/srv/ajil/public/build',
  MEDIA_DIR: '/srv/ajil/data/media',
};

export function renderNginxSite(values = {}) {
  const all = { ...defaults, ...values };
  const template = readFileSync(new URL('./ajil.conf', import.meta.url), 'utf8');
  return template.replace(/@@([A-Z_]+)@@/g, (_match, name) => {
    if (!(name in all)) throw new Error(`no value for ${name}`);
    if (name === 'UPSTREAMS') {
      return all.UPSTREAMS.split(',')
        .map((server) => `server ${server.trim()} max_fails=1 fail_timeout=5s;`)
        .join('\n    ');
    }
    return all[name];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split(/=(.*)/s, 2)));
  process.stdout.write(renderNginxSite(values));
}
