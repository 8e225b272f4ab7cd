import { describe, expect, it } from 'vitest';
import { addressRefusal, classifyAddress, hostRefusal } from './address.ts';

/** A URL's host as the server sees it (the WHATWG parser normalises the spellings first). */
const hostOf = (url: string) => new URL(url).hostname;

describe('the address rule', () => {
  it('refuses loopback, private, link-local, shared, unspecified, multicast and reserved hosts in any spelling', () => {
    const refused: [string, string][] = [
      ['https://127.0.0.1:8806/', 'loopback'],
      ['https://127.1/', 'loopback'],
      ['https://2130706433/', 'loopback'],
      ['https://0x7f.1/', 'loopback'],
      ['https://017700000001/', 'loopback'],
      ['https://127.0.0.1./', 'loopback'],
      ['https://[::1]/', 'loopback'],
      ['https://[::ffff:7f00:1]/', 'loopback'],
      ['https://[::ffff:127.0.0.1]/', 'loopback'],
      ['https://[::127.0.0.1]/', 'loopback'], // IPv4-compatible
      ['https://[::ffff:0:7f00:1]/', 'loopback'], // IPv4-translated
      ['https://localhost/', 'loopback'],
      ['https://localhost./', 'loopback'],
      ['https://LOCALHOST/', 'loopback'],
      ['https://admin.localhost/', 'loopback'],
      ['https://0.0.0.0/', 'unspecified'],
      ['https://0/', 'unspecified'],
      ['https://[::]/', 'unspecified'],
      ['https://10.0.0.7/', 'private'],
      ['https://172.16.5.4/', 'private'],
      ['https://192.168.1.1/', 'private'],
      ['https://0xc0a80101/', 'private'],
      ['https://[fd00::1]/', 'private'],
      ['https://[fc00::1]/', 'private'],
      ['https://[64:ff9b::10.0.0.1]/', 'private'], // NAT64 of a private IPv4
      ['https://[2002:a00:1::]/', 'private'], // 6to4 of 10.0.0.1
      ['https://[::ffff:192.168.0.1]/', 'private'],
      ['https://169.254.169.254/', 'link-local'],
      ['https://[fe80::1]/', 'link-local'],
      ['https://[::ffff:169.254.169.254]/', 'link-local'],
      ['https://100.64.0.1/', 'shared'],
      ['https://224.0.0.251/', 'multicast'],
      ['https://[ff02::1]/', 'multicast'],
      ['https://255.255.255.255/', 'reserved'],
      ['https://192.0.2.10/', 'reserved'],
      ['https://240.0.0.1/', 'reserved'],
      ['https://[2001:db8::1]/', 'reserved'],
      ['https://[2001::1]/', 'reserved'], // Teredo
    ];
    for (const [url, kind] of refused) {
      const host = hostOf(url);
      expect(hostRefusal(host, false), url).not.toBeNull();
      if (!/localhost/i.test(url)) expect(classifyAddress(host.replace(/^\[|\]$/g, '')), url).toBe(kind);
    }
    expect(hostRefusal(hostOf('https://2130706433/'), false)).toBe('loopback');
    expect(hostRefusal(hostOf('https://169.254.169.254/'), false)).toBe('link-local');
  });

  it('accepts public addresses, also when an IPv6 form carries a public IPv4 one; names are for DNS to decide', () => {
    for (const url of ['https://93.184.215.14/', 'https://[2606:4700:4700::1111]/', 'https://[::ffff:8.8.8.8]/', 'https://[64:ff9b::8.8.8.8]/', 'https://crm.example.org/', 'https://localhost.example.org/']) {
      expect(hostRefusal(hostOf(url), false), url).toBeNull();
    }
  });

  it('the local switch lets loopback in, and nothing else', () => {
    for (const url of ['https://127.0.0.1/', 'https://[::1]/', 'https://localhost/', 'https://[::ffff:7f00:1]/']) expect(hostRefusal(hostOf(url), true), url).toBeNull();
    for (const address of ['10.0.0.1', '169.254.169.254', 'fd00::1', '0.0.0.0']) expect(addressRefusal(address, true), address).not.toBeNull();
  });
});
