import * as net from 'node:net';

/** A raw MQTT 3.1.1 session: just CONNECT/CONNACK and PINGREQ/PINGRESP, enough to prove a path. */
export interface MqttSession {
  readonly socket: net.Socket;
  /** Whether the connection has been closed (by the broker, HAProxy or us). */
  closed(): boolean;
  /** Sends PINGREQ and resolves when PINGRESP arrives. */
  ping(timeoutMs?: number): Promise<void>;
  close(): void;
}

function connectPacket(clientId: string, keepaliveSeconds: number): Buffer {
  const id = Buffer.from(clientId, 'utf8');
  const variable = Buffer.from([0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0x02, keepaliveSeconds >> 8, keepaliveSeconds & 0xff]);
  const payload = Buffer.concat([Buffer.from([id.length >> 8, id.length & 0xff]), id]);
  const remaining = variable.length + payload.length; // < 128: one length byte
  return Buffer.concat([Buffer.from([0x10, remaining]), variable, payload]);
}

const CONNACK_ACCEPTED = Buffer.from([0x20, 0x02, 0x00, 0x00]);
const PINGREQ = Buffer.from([0xc0, 0x00]);
const PINGRESP = Buffer.from([0xd0, 0x00]);

/** Opens a session and resolves once the broker accepted it (CONNACK, return code 0). */
export function mqttConnect(host: string, port: number, clientId: string, timeoutMs = 5000, keepaliveSeconds = 60): Promise<MqttSession> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let closed = false;
    let buffer = Buffer.alloc(0);
    let waiter: ((b: Buffer) => void) | undefined;
    const timer = setTimeout(() => fail(new Error(`${clientId}: no CONNACK within ${timeoutMs} ms`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    };
    socket.on('error', (e) => (accepted ? undefined : fail(e)));
    socket.on('close', () => {
      closed = true;
      if (!accepted) fail(new Error(`${clientId}: closed before CONNACK`));
    });
    let accepted = false;
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!accepted && buffer.length >= 4) {
        if (!buffer.subarray(0, 4).equals(CONNACK_ACCEPTED))
          return fail(new Error(`${clientId}: CONNACK refused: ${buffer.subarray(0, 4).toString('hex')}`));
        accepted = true;
        buffer = buffer.subarray(4);
        clearTimeout(timer);
        resolve(session);
      }
      if (accepted && waiter && buffer.length >= 2) {
        const w = waiter;
        waiter = undefined;
        const packet = buffer.subarray(0, 2);
        buffer = buffer.subarray(2);
        w(packet);
      }
    });
    socket.on('connect', () => socket.write(connectPacket(clientId, keepaliveSeconds)));
    const session: MqttSession = {
      socket,
      closed: () => closed,
      ping: (ms = 3000) =>
        new Promise((ok, ko) => {
          if (closed) return ko(new Error(`${clientId}: closed`));
          const t = setTimeout(() => ko(new Error(`${clientId}: no PINGRESP within ${ms} ms`)), ms);
          waiter = (p) => {
            clearTimeout(t);
            if (p.equals(PINGRESP)) ok();
            else ko(new Error(`${clientId}: expected PINGRESP, got ${p.toString('hex')}`));
          };
          socket.write(PINGREQ);
        }),
      close: () => socket.destroy(),
    };
  });
}

/** Opens `count` sessions, `parallel` at a time; rejects on the first that fails. */
export async function mqttConnectMany(host: string, port: number, prefix: string, count: number, parallel = 50): Promise<MqttSession[]> {
  const sessions: MqttSession[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, i) => mqttConnect(host, port, `${prefix}-${start + i}`));
    sessions.push(...(await Promise.all(batch)));
  }
  return sessions;
}
