/**
 * A TCP proxy on 127.0.0.1 between the API and a server (PostgreSQL), to
 * take that server away and give it back without touching it: `cut()`
 * drops every connection through it and refuses new ones, as a stopped
 * PostgreSQL does; `restore()` listens again on the same port.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  /** Connections made through it so far. */
  connections(): number;
  /** Ends every connection (reset) and stops listening: new connections are refused. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let made = 0;
  const server: Server = createServer((client) => {
    made++;
    const upstream = connect(target);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      open.add(from);
      from.on('close', () => open.delete(from));
      // A side that fails takes the other with it, as a dead server's connection does.
      from.on('error', () => to.destroy());
      from.on('close', () => to.destroy());
      from.pipe(to);
    }
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port }, () => (server.off('error', reject), resolve()));
    });
  await listen(0);
  const { port } = server.address() as { port: number };
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.resetAndDestroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return { port, connections: () => made, cut: stop, restore: () => listen(port), close: stop };
}
