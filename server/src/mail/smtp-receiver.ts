/**
 * Test support: an SMTP server on 127.0.0.1 that keeps what it is handed,
 * and a reader of those messages (headers, subject, text and HTML parts),
 * so that tests check what a person's mailbox would receive. It can refuse
 * some recipients with a 5xx, like a real server for an unknown mailbox.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Received {
  to: string[];
  raw: string;
}

export interface Receiver {
  url: string;
  port: number;
  messages: Received[];
  close(): Promise<void>;
}

/** `refuse`: recipients answered 550 (a mailbox that does not exist); `defer`: recipients answered 451 (try again later). */
export function smtpReceiver(options: { port?: number; refuse?: (address: string) => boolean; defer?: (address: string) => boolean } = {}): Promise<Receiver> {
  const messages: Received[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let inData = false;
    let to: string[] = [];
    socket.write('220 127.0.0.1 ESMTP test\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push({ to, raw: buffer.slice(0, end).replace(/^\.\./gm, '.') });
          buffer = buffer.slice(end + 5);
          inData = false;
          to = [];
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 127.0.0.1\r\n');
        else if (verb === 'RCPT') {
          const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
          if (options.refuse?.(address)) socket.write(`550 5.1.1 <${address}>: mailbox unavailable\r\n`);
          else if (options.defer?.(address)) socket.write(`451 4.3.0 <${address}>: try again later\r\n`);
          else to.push(address), socket.write('250 OK\r\n');
        } else if (verb === 'DATA') (inData = true), socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        else if (verb === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        port,
        messages,
        close: () => new Promise<void>((done) => (sockets.forEach((s) => s.destroy()), server.close(() => done()))),
      });
    });
  });
}

/** A message as a mail client shows it: decoded headers, subject, text and HTML parts. */
export interface ReadMessage {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

const unfold = (head: string) => head.replace(/\r\n[ \t]+/g, ' ');
function headersOf(head: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of unfold(head).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) map.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return map;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*(?==\?)?/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
  );
}

function decodeQp(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQp(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

export function readMessage(raw: string): ReadMessage {
  const split = raw.indexOf('\r\n\r\n');
  const headers = headersOf(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const parts: { type: string; content: string }[] = [];
  const walk = (h: Map<string, string>, b: string): void => {
    const type = h.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const piece of b.split(`--${boundary}`).slice(1)) {
        if (piece.startsWith('--')) break;
        const p = piece.replace(/^\r\n/, '');
        const end = p.indexOf('\r\n\r\n');
        walk(headersOf(p.slice(0, end)), p.slice(end + 4).replace(/\r\n$/, ''));
      }
    } else parts.push({ type: type.split(';')[0]!.toLowerCase(), content: decodeBody(h, b) });
  };
  walk(headers, body);
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    text: parts.find((p) => p.type === 'text/plain')?.content.replace(/\r\n/g, '\n') ?? '',
    html: parts.find((p) => p.type === 'text/html')?.content ?? '',
  };
}
