import { isIPv4, isIPv6 } from 'node:net';
import { dnsKey } from './dns-name';

/** The eight 16-bit groups of an IPv6 address that net.isIPv6 accepts (no zone id). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // The last 32 bits written as an IPv4 address (RFC 4291 2.2, form 3).
    const [a, b, c, d] = text
      .slice(lastColon + 1)
      .split('.')
      .map(Number);
    tail.push(a * 256 + b, c * 256 + d);
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const words = (s: string) => (s === '' ? [] : s.split(':').map((h) => Number.parseInt(h, 16)));
  const [left, right] = text.split('::');
  if (right === undefined) return [...words(left), ...tail];
  const after = [...words(right), ...tail];
  const before = words(left);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** RFC 5952 section 4: lower case, no leading zeros, the longest run of two or more zero groups (the first of equals) as `::`. */
function ipv6Text(groups: readonly number[]): string {
  let start = -1;
  let length = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > length && j - i >= 2) [start, length] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (start < 0) return hex.join(':');
  return `${hex.slice(0, start).join(':')}::${hex.slice(start + length).join(':')}`;
}

/**
 * An IP address in one spelling: IPv4 as Node's net.isIPv4 accepts it (dotted decimal, no leading
 * zeros), IPv6 in its RFC 5952 form, and an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, RFC 4291
 * 2.5.5.2) as the IPv4 address it maps, which is the one a socket reaches. Undefined for anything else.
 */
export function canonicalIp(address: string): string | undefined {
  if (isIPv4(address)) return address;
  if (!isIPv6(address) || address.includes('%')) return undefined;
  const g = ipv6Groups(address);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255].join('.');
  return ipv6Text(g);
}

/** The key two spellings of one address share: its canonical IP, or a DNS name as DNS compares it. */
export const addressKey = (address: string): string => canonicalIp(address) ?? dnsKey(address);

/**
 * Why no server can be reached at (or connect from) this IP address, or undefined when one can.
 * Loopback is allowed: a load balancer may front servers on its own host.
 */
export function unusableAddress(address: string): string | undefined {
  const ip = canonicalIp(address);
  if (ip === undefined) return undefined;
  if (isIPv4(ip)) {
    const [a] = ip.split('.').map(Number);
    if (ip === '0.0.0.0') return 'the unspecified address, which names no host (RFC 1122 3.2.1.3)';
    if (a === 0) return "in 0.0.0.0/8, 'this network', never a host's address to reach (RFC 1122 3.2.1.3)";
    if (ip === '255.255.255.255') return 'the limited broadcast address (RFC 919, RFC 1122 3.2.1.3)';
    if (a >= 224 && a <= 239) return 'a multicast address (224.0.0.0/4, RFC 5771), which TCP cannot connect to';
    return undefined;
  }
  if (ip === '::') return 'the unspecified address, which names no host (RFC 4291 2.5.2)';
  if (ipv6Groups(address)[0] >= 0xff00) return 'a multicast address (ff00::/8, RFC 4291 2.7), which TCP cannot connect to';
  return undefined;
}
