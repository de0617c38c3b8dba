import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBalancerFiles } from '../../load-balancer/load-balancer-files';
import { withInventory } from '../../profile/inventory';
import type { Profile } from '../../profile/types';
import { lbProfile } from '../helpers/synth';
import { section, sections, value } from './parse-haproxy';

const INVENTORIES = path.join(__dirname, '..', 'fixtures', 'inventory');
const file = (p: Profile, name: string) => loadBalancerFiles(p).files.find((f) => f.name === name)!.content;
const cfg = (p: Profile) => file(p, 'haproxy.cfg');

describe('haproxy.cfg of the 100k preset', () => {
  const p = lbProfile('100k');
  const text = cfg(p);

  it("has the original's entry points, each a TCP listen to its nodes' NodePort", () => {
    expect([...sections(text).keys()]).toEqual(['global', 'defaults', 'listen mqtt', 'listen mqtts', 'listen apigw', 'listen metrics']);
    expect(section(text, 'listen mqtt')).toEqual([
      'bind *:1883',
      'balance leastconn',
      'server mqtt-1 192.168.0.14:30004 check inter 1000ms fall 3 rise 5',
      'server mqtt-2 192.168.0.15:30004 check inter 1000ms fall 3 rise 5',
      'server mqtt-3 192.168.0.16:30004 check inter 1000ms fall 3 rise 5',
    ]);
    expect(section(text, 'listen mqtts')).toContain('server mqtt-3 192.168.0.16:30005 check inter 1000ms fall 3 rise 5');
    expect(section(text, 'listen apigw')).toEqual([
      'bind *:80',
      'balance leastconn',
      'server dojot-1 192.168.0.13:30001 check inter 1000ms fall 3 rise 5',
    ]);
    expect(section(text, 'listen metrics')).toContain('server metrics-1 192.168.0.13:30003 check inter 1000ms fall 3 rise 5');
  });

  it('is sized for 100,000 devices: maxconn with 10% headroom and 1000 HTTP sessions, two descriptors per session', () => {
    expect(value(section(text, 'global'), 'maxconn')).toBe('111000');
    expect(value(section(text, 'global'), 'ulimit-n')).toBe('222100');
  });

  it('keeps idle MQTT sessions 1.5 times the longest keepalive, and bounds old processes after a reload', () => {
    const defaults = section(text, 'defaults');
    expect(value(defaults, 'timeout tunnel')).toBe('300s');
    expect(value(defaults, 'timeout client')).toBe('300s');
    expect(value(section(text, 'global'), 'hard-stop-after')).toBe('600s');
    const longer = cfg(lbProfile('100k', { loadBalancer: { maxClientKeepaliveSeconds: 600 } }));
    expect(value(section(longer, 'defaults'), 'timeout tunnel')).toBe('900s');
  });

  it('logs (so that option tcplog takes effect) and offers operators a stats socket', () => {
    expect(section(text, 'defaults')).toEqual(expect.arrayContaining(['log global', 'option tcplog']));
    expect(section(text, 'global')).toEqual(
      expect.arrayContaining(['log /dev/log local0', 'stats socket /run/haproxy/admin.sock mode 660 level admin']),
    );
  });

  it("has enough source ports with the guide's port range: no capacity warning", () => {
    expect(loadBalancerFiles(p).notices).toEqual([]);
  });

  it("says what to change when the LB host keeps the kernel's default port range", () => {
    const notices = loadBalancerFiles(lbProfile('100k', { loadBalancer: { localPortRange: { low: 32768, high: 60999 } } })).notices;
    expect(notices).toHaveLength(2); // mqtt and mqtts
    expect(notices[0]).toBe(
      [
        "load balancer capacity: 'mqtt' must carry up to 55500 sessions per server when one of its 3 servers is down (maxconn 111000),",
        'but the LB host has 28232 source ports per server (ip_local_port_range 32768-60999). Change one of:',
        '  - loadBalancer.localPortRange to { low: 1024, high: 65535 } (64512 ports; the generated sysctl file sets it)',
        '  - loadBalancer.sourceAddresses: 2 addresses of the LB host (each adds 28232 ports per server)',
        "  - more nodes in the entry point's inventory group",
      ].join('\n'),
    );
  });

  it('multiplies the source ports with extra source addresses, one server line per address', () => {
    const q = lbProfile('100k', {
      loadBalancer: { localPortRange: { low: 32768, high: 60999 }, sourceAddresses: ['10.0.0.2', '10.0.0.3'] },
    });
    expect(loadBalancerFiles(q).notices).toEqual([]);
    expect(section(cfg(q), 'listen mqtts').filter((l) => l.startsWith('server mqtt-1'))).toEqual([
      'server mqtt-1-src1 192.168.0.14:30005 source 10.0.0.2 check inter 1000ms fall 3 rise 5',
      'server mqtt-1-src2 192.168.0.14:30005 source 10.0.0.3 check inter 1000ms fall 3 rise 5',
    ]);
  });

  it("writes the guide's port range and what 100,000 sessions need into the sysctl file", () => {
    const sysctl = file(p, 'sysctl-load-balancer.conf');
    expect(sysctl).toContain('\nnet.ipv4.ip_local_port_range = 1024 65535\n');
    expect(sysctl).toContain('\nfs.nr_open = 1048576\n');
    expect(sysctl).toContain('\nnet.netfilter.nf_conntrack_max = 444000\n');
  });
});

describe('entry points follow the profile', () => {
  it('drops plain MQTT when insecure MQTT is off', () => {
    expect(sections(cfg(lbProfile('100k', { vernemq: { insecureMqtt: false } }))).has('listen mqtt')).toBe(false);
  });

  it("fronts Kong's HTTPS only with mutual TLS, when its NodePort exists", () => {
    expect(sections(cfg(lbProfile('100k'))).has('listen apigws')).toBe(false);
    const tls = cfg(lbProfile('100k', { apigw: { mutualTls: true }, nodePorts: { apigw: { https: 31443 } } }));
    expect(section(tls, 'listen apigws')).toEqual([
      'bind *:443',
      'balance leastconn',
      'server dojot-1 192.168.0.13:31443 check inter 1000ms fall 3 rise 5',
    ]);
  });

  it("uses the profile's NodePorts", () => {
    expect(section(cfg(lbProfile('100k', { nodePorts: { mqtts: 31883 } })), 'listen mqtts')[2]).toBe(
      'server mqtt-1 192.168.0.14:31883 check inter 1000ms fall 3 rise 5',
    );
  });

  it('warns when the NodePorts are not fixed (default preset)', () => {
    expect(loadBalancerFiles(lbProfile('default')).notices).toEqual([expect.stringMatching(/^nodePorts.fixed is off/)]);
  });
});

describe("with the guide's inventory and a control plane", () => {
  const p = withInventory(lbProfile('100k'), path.join(INVENTORIES, 'guide.hosts.yaml'));
  const text = cfg(p);

  it("takes the nodes' addresses from the inventory", () => {
    expect(p.loadBalancer.nodes).toEqual({
      mqtt: ['10.20.0.14', '10.20.0.15', '10.20.0.16'],
      apigw: ['10.20.0.13'],
      metrics: ['10.20.0.13'],
      lwm2m: ['10.20.0.13'],
      controlPlane: ['10.20.0.10', '10.20.0.11', 'fd00::12'],
    });
  });

  it('fronts the API servers on 6443: round robin, checked on /healthz over TLS', () => {
    expect(section(text, 'listen kubernetes-api')).toEqual([
      'bind *:6443',
      'balance roundrobin',
      'option httpchk',
      'http-check connect ssl',
      'http-check send meth GET uri /healthz',
      'http-check expect status 200',
      'server control-plane-1 10.20.0.10:6443 check verify none inter 2000ms fall 3 rise 2',
      'server control-plane-2 10.20.0.11:6443 check verify none inter 2000ms fall 3 rise 2',
      'server control-plane-3 ipv6@fd00::12:6443 check verify none inter 2000ms fall 3 rise 2',
    ]);
  });

  it('prints the kubeadm control-plane endpoint', () => {
    expect(loadBalancerFiles(p).notices).toContain('kubeadm init --control-plane-endpoint "dojot.domain:6443" --upload-certs');
  });

  it("fronts LwM2M's UDP ports with nginx in the lwm2m flavour, and in no other", () => {
    expect(loadBalancerFiles(p).files.map((f) => f.name)).not.toContain('nginx-lwm2m.conf');
    const nginx = file({ ...p, flavour: 'lwm2m' }, 'nginx-lwm2m.conf');
    expect(nginx).toContain(
      '    upstream lwm2m_coap {\n        least_conn;\n        server 10.20.0.13:30006;\n    }\n    server {\n        listen 5683 udp;',
    );
    expect(nginx).toContain('listen 5694 udp;');
    expect(nginx).toContain('listen 5896;');
  });
});
