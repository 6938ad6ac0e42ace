// Debian's nginx on loopback ports in front of Ajil nodes, with the site from deploy/nginx
// rendered for them and a self-signed certificate: for the front door's test and bench/scale.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSET_DIR } from '../src/platform/platform.assets.js';
import { freePort, stopChild } from './server-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where nginx is installed, if it is. */
export const nginxBinary = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find(
  existsSync,
);

/** A certificate for localhost and 127.0.0.1, valid for a day: `cert.pem` and `key.pem` in dir. */
export function makeTestCertificate(dir: string): Buffer {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(join(dir, 'cert.pem'));
}

export interface NginxOptions {
  /** Holds the certificate (makeTestCertificate), and gets the config, cache, logs and pid. */
  readonly dir: string;
  /** The nodes, as `http://host:port`. */
  readonly upstreams: readonly string[];
  readonly httpsPort: number;
  readonly mediaDir: string;
  /** Per worker (default 1024); file descriptors are raised to match. */
  readonly workerConnections?: number;
  /** An access log format (`log_format`), written to `access.log` in dir; none by default. */
  readonly accessLogFormat?: string;
}

export interface NginxProcess {
  readonly child: ChildProcess;
  readonly accessLog: () => string;
  stop(): Promise<void>;
}

function mainConfig(options: NginxOptions): string {
  const { dir } = options;
  const connections = options.workerConnections ?? 1024;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `${name}_temp_path ${join(dir, 'tmp', name)};`)
    .join('\n  ');
  const log = options.accessLogFormat
    ? `log_format ajil_bench '${options.accessLogFormat}';\n  access_log ${join(dir, 'access.log')} ajil_bench;`
    : 'access_log off;';
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
worker_rlimit_nofile ${String(connections * 2 + 64)};
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections ${String(connections)}; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  ${log}
  ${temp}
  include ${join(dir, 'ajil.conf')};
}
`;
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    }).on('error', () => {
      resolve(false);
    });
  });
}

/** Renders deploy/nginx/ajil.conf for these nodes and starts nginx on it. */
export async function startNginx(options: NginxOptions): Promise<NginxProcess> {
  const { dir } = options;
  const binary = nginxBinary ?? 'nginx';
  const site = execFileSync(
    process.execPath,
    [
      'deploy/nginx/render.mjs',
      `UPSTREAMS=${options.upstreams.map((url) => url.replace('http://', '')).join(',')}`,
      `CACHE_DIR=${join(dir, 'cache')}`,
      `HTTP_PORT=127.0.0.1:${String(await freePort())}`,
      `HTTPS_PORT=127.0.0.1:${String(options.httpsPort)}`,
      'SERVER_NAME=localhost',
      `TLS_CERT=${join(dir, 'cert.pem')}`,
      `TLS_KEY=${join(dir, 'key.pem')}`,
      `ASSET_DIR=${ASSET_DIR.replace(/\/$/, '')}`,
      `MEDIA_DIR=${options.mediaDir}`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  writeFileSync(join(dir, 'ajil.conf'), site);
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  writeFileSync(join(dir, 'nginx.conf'), mainConfig(options));
  execFileSync(binary, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')]);
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const handle: NginxProcess = {
    child,
    accessLog: () =>
      existsSync(join(dir, 'access.log')) ? readFileSync(join(dir, 'access.log'), 'utf8') : '',
    stop: () => stopChild(child),
  };
  for (let i = 0; i < 200; i++) {
    if (await listening(options.httpsPort)) return handle;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await handle.stop();
  throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}
