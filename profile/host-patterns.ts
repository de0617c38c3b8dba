import { isIPv6 } from 'node:net';

/**
 * A host key of a YAML inventory, as Ansible's YAML inventory plugin reads it
 * (ansible/plugins/inventory/__init__.py, `_expand_hostpattern`; parsing/utils/addresses.py,
 * `parse_address`): an optional `:port` after the host (`[v6]:port` for IPv6), then every `[a:b]`
 * or `[a:b:step]` range expanded (`10.0.0.[5:7]`, `node[01:10]`, `db-[a:c]`; docs:
 * "Adding ranges of hosts", in "How to build your inventory").
 */
export interface HostPattern {
  readonly hosts: readonly string[];
  /** The SSH port the key named (`ansible_port`): not the load balancer's concern. */
  readonly port?: number;
}

/** Beyond this many hosts from one key, a range is a typo (`[1:1000000]`), not a cluster. */
export const MAX_HOSTS_PER_PATTERN = 100_000;

export class HostPatternError extends Error {}

/** `string.ascii_letters`, the alphabet of Ansible's letter ranges. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The host part and port of a key: `[::1]:22`, `host:22`, a bare IPv6 address, or the key itself. */
function splitPort(key: string): { host: string; port?: number } {
  if (!key.includes(':')) return { host: key };
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(key);
  if (bracketed && isIPv6(bracketed[1])) return { host: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : undefined };
  // Colons inside a [range] are the range's; a port is a last `:digits` outside any bracket.
  const outside = key.replace(/\[[^\]]*\]/g, (r) => 'x'.repeat(r.length));
  const colons = outside.split(':').length - 1;
  if (colons === 1 && /:\d+$/.test(outside)) {
    const at = outside.lastIndexOf(':');
    return { host: key.slice(0, at), port: Number(key.slice(at + 1)) };
  }
  return { host: key };
}

/** expand_hostname_range: the first `[...]` expanded, then the rest of the name, recursively. */
function expand(name: string, out: string[]): void {
  const open = name.indexOf('[');
  if (open < 0) {
    out.push(name);
    return;
  }
  const close = name.indexOf(']', open);
  if (close < 0) throw new HostPatternError(`has a '[' without its ']'`);
  const head = name.slice(0, open);
  const tail = name.slice(close + 1);
  const bounds = name.slice(open + 1, close).split(':');
  if (bounds.length !== 2 && bounds.length !== 3) throw new HostPatternError('has a range that is not [begin:end] or [begin:end:step]');
  const begin = bounds[0] || '0';
  const [, end, stepText = '1'] = bounds;
  if (!end) throw new HostPatternError('has a range without its end');
  const step = Number(stepText);
  if (!Number.isInteger(step) || step < 1)
    throw new HostPatternError(`has a range step that is not a positive whole number, '${stepText}'`);
  let items: string[];
  if (LETTERS.includes(begin) && LETTERS.includes(end) && begin.length === 1 && end.length === 1) {
    const from = LETTERS.indexOf(begin);
    const to = LETTERS.indexOf(end);
    if (from > to) throw new HostPatternError('has a letter range whose begin comes after its end');
    items = [];
    for (let i = from; i <= to; i += step) items.push(LETTERS[i]);
  } else {
    if (!/^\d+$/.test(begin) || !/^\d+$/.test(end))
      throw new HostPatternError(`has a range that is neither of numbers nor of letters, [${bounds.join(':')}]`);
    // A leading zero sets the width ([01:10]: 01, 02, ...), and then both ends must have it.
    const width = begin[0] === '0' && begin.length > 1 ? begin.length : 0;
    if (width && width !== end.length) throw new HostPatternError('has a zero-padded range whose begin and end differ in length');
    const from = Number(begin);
    const to = Number(end);
    if ((to - from) / step + 1 > MAX_HOSTS_PER_PATTERN) throw new HostPatternError(`expands to more than ${MAX_HOSTS_PER_PATTERN} hosts`);
    items = [];
    for (let i = from; i <= to; i += step) items.push(width ? String(i).padStart(width, '0') : String(i));
  }
  for (const item of items) {
    expand(`${head}${item}${tail}`, out);
    if (out.length > MAX_HOSTS_PER_PATTERN) throw new HostPatternError(`expands to more than ${MAX_HOSTS_PER_PATTERN} hosts`);
  }
}

/** The hosts a key of an inventory's `hosts:` names. */
export function expandHostPattern(key: string): HostPattern {
  const { host, port } = splitPort(key);
  if (!host.includes('[')) return port === undefined ? { hosts: [host] } : { hosts: [host], port };
  const hosts: string[] = [];
  expand(host, hosts);
  return { hosts, ...(port === undefined ? {} : { port }) };
}
