import { describe, expect, it } from 'vitest';
import { lbProfile, podSpec, profileOf, synth } from '../helpers/synth';

const out = synth(lbProfile('100k', { flavour: 'vernemq' }));
const container = (kind: string, name: string, c = name) =>
  podSpec(out.find(kind, name)).containers.find((x: { name: string }) => x.name === c);

describe('health checks suited to each process', () => {
  it('PostgreSQL: pg_isready over TCP, with three minutes to start', () => {
    const pg = container('StatefulSet', 'postgres');
    expect(pg.readinessProbe.exec.command).toEqual(['sh', '-c', 'pg_isready -h 127.0.0.1 -p 5432 -U "$POSTGRES_USER"']);
    expect(pg.startupProbe).toMatchObject({ periodSeconds: 10, failureThreshold: 18 });
  });

  it('MongoDB: a ping through its shell', () => {
    expect(container('StatefulSet', 'mongodb').livenessProbe.exec.command).toEqual([
      'mongo',
      '--quiet',
      '--port',
      '27017',
      '--eval',
      'quit(db.adminCommand("ping").ok ? 0 : 1)',
    ]);
  });

  it('every Redis: redis-cli ping on its port', () => {
    for (const [kind, name, c] of [
      ['Deployment', 'auth', 'redis'],
      ['Deployment', 'data-broker-redis', 'data-broker-redis'],
      ['StatefulSet', 'kafka-ws-redis', 'kafka-ws-redis'],
      ['Deployment', 'flowbroker', 'flowbroker-redis'],
    ]) {
      expect(container(kind, name, c).readinessProbe.exec.command, name).toEqual(['redis-cli', '-p', '6379', 'ping']);
    }
  });

  it('Zookeeper: srvr names a mode only while it serves; Kafka: its API versions, seldom (a JVM per call)', () => {
    expect(container('StatefulSet', 'zookeeper').readinessProbe.exec.command).toEqual([
      'sh',
      '-c',
      'echo srvr | nc -w 2 127.0.0.1 2181 | grep -q Mode:',
    ]);
    const kafka = container('StatefulSet', 'kafka-server', 'kafka');
    expect(kafka.readinessProbe).toMatchObject({
      periodSeconds: 30,
      timeoutSeconds: 20,
      exec: { command: ['sh', '-c', '/usr/bin/kafka-broker-api-versions --bootstrap-server=localhost:9092'] },
    });
    expect(kafka.livenessProbe.tcpSocket.port).toBe(9092);
    expect(kafka.startupProbe.failureThreshold * kafka.startupProbe.periodSeconds).toBe(300);
  });

  it('Kong: ready by /status on the admin port, alive by its proxy port', () => {
    const kong = container('Deployment', 'kong');
    expect(kong.readinessProbe.httpGet).toEqual({ path: '/status', port: 8001 });
    expect(kong.livenessProbe.tcpSocket).toEqual({ port: 8000 });
  });

  it("the routes behind dojot's token decode get an unsigned token of a made-up user", () => {
    const header = container('Deployment', 'data-broker').readinessProbe.httpGet.httpHeaders[0];
    expect(header.name).toBe('Authorization');
    const payload = JSON.parse(Buffer.from(header.value.split('.')[1], 'base64').toString());
    expect(payload).toEqual({ username: 'probe', service: 'probe' });
    expect(container('Deployment', 'cron').readinessProbe.httpGet).toMatchObject({
      path: '/cron/v1/healthCheck',
      port: 5000,
      httpHeaders: [header],
    });
  });

  it('the bridges: lightship on 9000, and five minutes to start while x509-identity-mgmt signs their certificates', () => {
    const v2k = container('StatefulSet', 'v2k-bridge');
    expect(v2k.readinessProbe).toMatchObject({ httpGet: { path: '/ready', port: 9000 }, failureThreshold: 3 });
    expect(v2k.startupProbe.failureThreshold * v2k.startupProbe.periodSeconds).toBe(300);
    const x509 = container('Deployment', 'x509-identity-mgmt');
    expect(x509.startupProbe.failureThreshold * x509.startupProbe.periodSeconds).toBe(600);
  });

  it('kafka-ws with TLS: its health still over HTTP (Lightship 6.2.1 serves no TLS)', () => {
    const tls = synth(profileOf('default', { storageClassName: 'local-storage', kafkaWs: { tls: true, persistence: { enabled: true } } }));
    expect(podSpec(tls.find('Deployment', 'kafka-ws')).containers[0].readinessProbe.httpGet).toEqual({ path: '/ready', port: 9000 });
    expect(container('Deployment', 'kafka-ws').readinessProbe.httpGet.scheme).toBeUndefined();
  });

  it("flowbroker's context manager: ready when its ZeroMQ socket is bound, by the named ports", () => {
    const cm = container('Deployment', 'flowbroker', 'flowbroker-context-manager');
    expect(cm.readinessProbe.tcpSocket).toEqual({ port: 'context-zmq' });
    expect(cm.livenessProbe.httpGet).toEqual({ path: '/log', port: 'context-http' });
  });
});
