/**
 * Ports for servers a test starts itself. The kernel hands out ephemeral ports (listen on 0, outgoing
 * connections, and the Temporal dev server picking its HTTP and metrics ports) from
 * ip_local_port_range, so a port found free there can be taken again before our server binds it. We
 * pick below that range instead, at random, and check that nothing listens there yet.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const FALLBACK_EPHEMERAL_START = 32768;
const LOWEST = 20000;

function ephemeralStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > LOWEST + 1000 ? first : FALLBACK_EPHEMERAL_START;
  } catch {
    return FALLBACK_EPHEMERAL_START;
  }
}

const taken = new Set<number>();

/** True when nothing listens on the port on the loopback interface. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free loopback port outside the kernel's ephemeral range, never the same twice in one process. */
export async function freePort(): Promise<number> {
  const top = ephemeralStart();
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (top - LOWEST));
    if (taken.has(port)) continue;
    if (await portFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`no free port found between ${LOWEST} and ${top}`);
}
