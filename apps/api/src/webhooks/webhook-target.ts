import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { WEBHOOK_LIMITS } from '@wk/contracts';

/**
 * Where webhooks may go (against SSRF). Refused: private, link-local (cloud metadata), shared,
 * unspecified, multicast and reserved ranges, and loopback in production. Outside production loopback
 * is allowed so that a developer (and the tests) can receive on 127.0.0.1.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Why an address may not receive webhooks, or null. */
export function addressProblem(address: string, production: boolean): string | null {
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip);
  if (!family) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (LOOPBACK.check(ip, type)) return production ? 'loopback addresses are refused in production' : null;
  if (BLOCKED.check(ip, type)) return 'private, link-local and reserved addresses are refused';
  return null;
}

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

/** Why a URL cannot be an endpoint (checked when saved; host names are checked again when sending), or null. */
export function endpointUrlProblem(value: string, production: boolean): string | null {
  if (value.length > WEBHOOK_LIMITS.urlMax) return `at most ${WEBHOOK_LIMITS.urlMax} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://example.com/hooks';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (url.protocol === 'http:' && production) return 'must use https';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.hash) return 'must not contain a #fragment';
  const host = bare(url.hostname);
  if (isIP(host)) return addressProblem(host, production);
  if (production && (host === 'localhost' || host.endsWith('.localhost')))
    return addressProblem('127.0.0.1', true);
  return null;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `dns.lookup` for http.request that refuses blocked addresses: the check happens on the address
 * actually connected to, so a name that resolves elsewhere later (DNS rebinding) is caught too.
 */
export function guardedLookup(production: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as LookupAddress[];
      for (const { address } of list) {
        const problem = addressProblem(address, production);
        if (problem)
          return callback(
            Object.assign(new Error(`${hostname} (${address}): ${problem}`), { code: 'EBLOCKED' }),
            '',
          );
      }
      if (options.all) return callback(null, list);
      if (!list.length)
        return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
      callback(null, list[0].address, list[0].family);
    });
  };
}

export { bare as bareHostname };
