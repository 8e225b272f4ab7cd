import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-ip.ts';

describe('the client address behind TRUST_PROXY proxies', () => {
  const socket = '10.0.0.5';

  it('is the socket address when no proxy is trusted, whatever the client writes', () => {
    expect(clientAddress(undefined, socket, 0)).toBe(socket);
    expect(clientAddress('203.0.113.9', socket, 0)).toBe(socket);
  });

  it('behind one proxy, is the entry it appended (the right-most), not the left-most the client forged', () => {
    // The client sent "X-Forwarded-For: 198.51.100.1, 198.51.100.2"; the proxy appended 203.0.113.7.
    expect(clientAddress('198.51.100.1, 198.51.100.2, 203.0.113.7', socket, 1)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', socket, 1)).toBe('203.0.113.7');
  });

  it('behind N proxies, is the Nth entry from the right: what the outermost trusted proxy saw', () => {
    // Forged by the client, then the client as the outer proxy saw it, then the outer proxy as the inner one saw it.
    expect(clientAddress('1.1.1.1, 203.0.113.7, 10.0.0.2', socket, 2)).toBe('203.0.113.7');
    expect(clientAddress('1.1.1.1,203.0.113.7 ,10.0.0.3,10.0.0.2', socket, 3)).toBe('203.0.113.7');
  });

  it('is the socket address when the header has fewer entries than trusted proxies, or none', () => {
    expect(clientAddress('203.0.113.7', socket, 2)).toBe(socket);
    expect(clientAddress(undefined, socket, 1)).toBe(socket);
    expect(clientAddress('', socket, 1)).toBe(socket);
  });

  it('is the socket address when the trusted entry is empty', () => {
    expect(clientAddress('203.0.113.7, ', socket, 1)).toBe(socket);
  });
});
