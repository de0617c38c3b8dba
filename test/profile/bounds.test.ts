import { describe, expect, it } from 'vitest';
import { addressKey, canonicalIp, unusableAddress } from '../../profile/addresses';
import { dnsNameProblem } from '../../profile/dns-name';
import { resolveProfile } from '../../profile/load';
import { ProfileError } from '../../profile/problems';
import type { ProfileLayer } from '../../profile/types';

/** The problems of a layer over the defaults, one line each (none when it resolves). */
function problemsOf(layer: ProfileLayer | Record<string, unknown>): string[] {
  try {
    resolveProfile('bounds', layer);
    return [];
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

const name = (...lengths: number[]) => lengths.map((n) => 'a'.repeat(n)).join('.');

// Values on the allowed side of each bound that test/cli/bad-inputs.test.ts refuses past it.
describe('values at the bounds are accepted', () => {
  it.each<[string, ProfileLayer | Record<string, unknown>]>([
    ['exactly 1024 cores', { resources: { kong: { kong: { cpu: '1024' } } } }],
    ['1024 cores in millicores', { resources: { 'vernemq-k8s': { vernemq: { cpu: '1024000m' } } } }],
    ['one millicore', { resources: { kong: { kong: { cpu: '1m' } } } }],
    ['one millicore as a decimal', { resources: { kong: { kong: { cpu: '0.001' } } } }],
    ['a memory limit of exactly 4Ti', { resources: { kong: { kong: { memoryLimit: '4Ti' } } } }],
    ['a memory request and limit of exactly 4Ti', { resources: { postgres: { postgres: { memory: '4Ti', memoryLimit: '4Ti' } } } }],
    ['one byte of memory', { resources: { kong: { kong: { memory: '1', memoryLimit: '1' } } } }],
    ['1000 brokers', { vernemq: { replicas: 1000 } }],
    ['1000 bridges', { bridges: { replicas: 1000 } }],
    ['1000 Kafka brokers', { kafka: { clusterSize: 1000 } }],
    ['999 Zookeeper servers', { zookeeper: { clusterSize: 999 } }],
    ['a domain of 253 characters', { domainName: name(63, 63, 63, 61) }],
    ['a domain label of 63 characters', { domainName: `${'a'.repeat(63)}.example` }],
    ['a domain in capitals', { domainName: 'Dojot.Example.COM' }],
    ['a domain with all-numeric labels but the last', { domainName: '10.0.0.example' }],
    ['a domain whose last label starts with digits', { domainName: 'dojot.1e100' }],
    ['a domain that is an IPv4 address', { domainName: '10.0.0.1' }],
    ['a loopback domain', { domainName: '127.0.0.1' }],
    ['a broadcast-looking unicast domain', { domainName: '10.255.255.255' }],
    ['the last address below multicast', { domainName: '223.255.255.255' }],
    ['a cluster domain with a label of 63 characters', { clusterDomain: `${'c'.repeat(63)}.local` }],
    ['a metrics namespace of 63 characters', { metrics: { namespace: 'm'.repeat(63) } }],
    ['a load-balancer address of 253 characters', { loadBalancer: { address: name(63, 63, 63, 61) } }],
    ['a loopback load-balancer address', { loadBalancer: { address: '::1' } }],
    ['loopback source addresses', { loadBalancer: { sourceAddresses: ['127.0.0.2', '::1'] } }],
    ['two source addresses that differ by one group', { loadBalancer: { sourceAddresses: ['2001:db8::1', '2001:db8::1:0'] } }],
    ['an IPv4-mapped source address beside another IPv4', { loadBalancer: { sourceAddresses: ['::ffff:10.0.0.2', '10.0.0.3'] } }],
    ['a link-local IPv6 source address', { loadBalancer: { sourceAddresses: ['fe80::1'] } }],
    ['an IPv6 address whose first group is 00ff', { loadBalancer: { sourceAddresses: ['ff::1'] } }],
    ['host names that differ', { loadBalancer: { sourceAddresses: ['lb-1.example', 'lb-2.example'] } }],
    ["kafka-ws's port on its Redis's port (two Services)", { kafkaWs: { port: 6379 } }],
    ["Kong's three ports moved, all different", { apigw: { httpPort: 9000, httpsPort: 9443, adminPort: 9001 } }],
    ["the firmware port on CoAP's number (nginx listens there on UDP)", { flavour: 'lwm2m', iotagentLwm2m: { fileServerHttpPort: 5683 } }],
    ['Zookeeper on other ports, all different', { zookeeper: { clientPort: 2182, serverPort: 2889, electionPort: 3889 } }],
    ['four node groups, four labels', { placement: { nodeLabels: { dojot: 'a', kafka: 'b', x509: 'c', vernemq: 'd' } } }],
  ])('%s', (_, layer) => expect(problemsOf(layer)).toEqual([]));
});

describe('two spellings of one address share a key', () => {
  it.each([
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['::FFFF:a00:1', '10.0.0.1'],
    ['::ffff:0:0', '0.0.0.0'],
    ['Lb-1.Example.', 'lb-1.example'],
  ])('%s is %s', (a, b) => expect(addressKey(a)).toBe(addressKey(b)));

  it.each([
    ['2001:db8::1', '2001:db8::1:0'],
    ['::1.2.3.4', '1.2.3.4'],
    ['::ffff:10.0.0.1', '10.0.0.2'],
    ['lb-1.example', 'lb-1.example.org'],
  ])('%s is not %s', (a, b) => expect(addressKey(a)).not.toBe(addressKey(b)));

  it('writes IPv6 as RFC 5952 does: the longest run of zeros, the first of equals, never one group alone', () => {
    expect(canonicalIp('1:0:0:1:0:0:0:1')).toBe('1:0:0:1::1');
    expect(canonicalIp('1:0:0:0:1:0:0:1')).toBe('1::1:0:0:1');
    expect(canonicalIp('1:0:0:1:1:0:0:1')).toBe('1::1:1:0:0:1');
    expect(canonicalIp('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonicalIp('::')).toBe('::');
    expect(canonicalIp('fe80::1%eth0')).toBeUndefined();
    expect(canonicalIp('10.1')).toBeUndefined();
  });
});

describe('addresses no server can use', () => {
  it.each(['0.0.0.0', '0.255.255.255', '::', '255.255.255.255', '224.0.0.0', '239.255.255.255', 'ff00::', 'FF02::1', '::ffff:224.0.0.1'])(
    '%s is refused',
    (a) => expect(unusableAddress(a)).toBeDefined(),
  );
  it.each(['1.0.0.0', '127.0.0.1', '::1', '223.255.255.255', '240.0.0.1', 'feff::1', 'ff::1', '::ffff:10.0.0.1', 'lb.example'])(
    '%s is allowed',
    (a) => expect(unusableAddress(a)).toBeUndefined(),
  );
});

describe('DNS names', () => {
  it.each([
    ['localhost', 'localhost'],
    ['253 characters', name(63, 63, 63, 61)],
    ['a label of 63 characters', 'a'.repeat(63)],
    ['an IDNA label', 'xn--bcher-kva.example'],
    ['a numeric label but the last', '1.example'],
    ['a last label of 0x and more than hexadecimal', 'dojot.0xg'],
  ])('%s is a name', (_, n) => expect(dnsNameProblem(n)).toBeUndefined());
  it.each([
    ['254 characters', name(63, 63, 63, 62), /at most 253/],
    ['a label of 64 characters', 'a'.repeat(64), /label is at most 63/],
    ['10.1', '10.1', /malformed IPv4/],
    ['0x0a.0.0.1', '0x0a.0.0.1', /malformed IPv4/],
    ['010.0.0.1', '010.0.0.1', /malformed IPv4/],
    ['1.2.3.4.5', '1.2.3.4.5', /malformed IPv4/],
    ['dojot.0X', 'dojot.0X', /malformed IPv4/],
    ['a..b', 'a..b', /labels of letters, digits and -/],
    ['-a.b', '-a.b', /labels of letters, digits and -/],
    ['the empty name', '', /labels of letters, digits and -/],
  ])('%s is not', (_, n, why) => expect(dnsNameProblem(n)).toMatch(why));
});
