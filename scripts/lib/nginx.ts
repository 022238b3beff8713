/**
 * nginx in front of several API processes, as in production (README, Running at scale): Debian's package,
 * installed when missing as the tests install Chromium (its service is not started: the cluster runs its
 * own nginx with a configuration written here, all its files under the cluster's folder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../../domain/run-main.ts';
import { startService, waitForPort } from './service-process.ts';

const NGINX = '/usr/sbin/nginx';

/** nginx's path, installed from Debian when missing and we are root. */
export function ensureNginx(say: (line: string) => void): string {
  if (existsSync(NGINX)) return NGINX;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    throw new StartupError(
      'nginx is needed in front of the API processes: install it (sudo apt-get install -y nginx) and run the command again.',
    );
  say('Installing nginx from Debian (apt-get install nginx; its own service is not started)…');
  // RUNLEVEL=1: invoke-rc.d leaves the package's service stopped (ours runs with its own configuration).
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', 'nginx'],
  ]) {
    const out = spawnSync('apt-get', args, { env, stdio: 'inherit' });
    if (out.status !== 0) throw new StartupError(`apt-get ${args.join(' ')} failed (exit ${String(out.status)})`);
  }
  return NGINX;
}

/**
 * The proxy's configuration: `listen` on loopback, the API processes as one upstream (a request whose
 * process is gone is tried on the next, except a POST that may have reached it), bodies buffered, the
 * timeouts the README recommends.
 */
export function nginxConfig(prefix: string, listen: number, upstreams: number[]): string {
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'temp', name)};`;
  return `worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp('client_body')}
  ${temp('proxy')}
  ${temp('fastcgi')}
  ${temp('uwsgi')}
  ${temp('scgi')}
  upstream api {
${upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${listen};
    client_header_timeout 15s;
    client_body_timeout 30s;
    client_max_body_size 12m;
    keepalive_timeout 60s;
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(nginx: string, prefix: string, listen: number, upstreams: number[]): Promise<RunningNginx> {
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, 'temp', name), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxConfig(prefix, listen, upstreams));
  const test = spawnSync(nginx, ['-t', '-q', '-p', prefix, '-c', conf, '-g', 'daemon off;'], { encoding: 'utf8' });
  if (test.status !== 0) throw new StartupError(`nginx refused its configuration:\n${test.stderr}`);
  const service = startService('nginx', nginx, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], 'SIGQUIT');
  await waitForPort('nginx', service, listen, 20_000);
  return { url: `http://127.0.0.1:${listen}`, stop: service.stop };
}
