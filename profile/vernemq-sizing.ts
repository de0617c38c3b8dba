/**
 * How much memory a VerneMQ 1.10 broker needs for a number of MQTT sessions, from figures with a
 * source, so that the 100k preset's broker size is derived, not guessed. The kernel's socket
 * buffers are not counted: they are the kernel's memory, not the container's.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The broker's TCP buffers, `listener.tcp.buffer_sizes` (sndbuf, recbuf, user-level buffer).
 * VerneMQ's "Not a tuning guide": the Erlang driver allocates the user-level buffer for every
 * connection and it "will determine your overall RAM use"; unset, it follows the OS's TCP
 * buffers (vmq_server.schema 1.10.0, lines 349-372; the values are its commented example).
 */
export const TCP_BUFFER_SIZES = [4096, 16384, 32768] as const;

export const VERNEMQ_FIGURES = {
  /** The user-level buffer of one connection (TCP_BUFFER_SIZES[2]). */
  connectionBuffer: TCP_BUFFER_SIZES[2],
  /**
   * A newly spawned Erlang process: 338 words, its 233-word heap included (Erlang/OTP Efficiency
   * Guide, "Memory", table of data types), 8 bytes a word on 64-bit.
   */
  process: 338 * 8,
  /** A session is two processes: its MQTT connection (vmq_mqtt_fsm under ranch) and its queue (vmq_queue). */
  processesPerSession: 2,
  /**
   * One queued message: a `#vmq_msg{}` of 12 fields (vmq_commons/src/vmq_types_common.hrl), 13
   * words, plus its payload; the routing key and the empty properties map are counted as 16 words.
   */
  queuedMessageOverhead: (13 + 16) * 8,
  /** The message store's cap, `leveldb.maximum_memory` (eleveldb.cc 565-590: a byte count wins over the percentage of the host's memory). */
  leveldb: 256 * MiB,
  /** The Erlang VM with VerneMQ's applications and plugins loaded, before any client: an allowance, not a measurement. */
  base: 256 * MiB,
} as const;

export interface BrokerLoad {
  /** MQTT sessions on this broker. */
  readonly sessions: number;
  /** Messages that may wait in the queues of its local subscribers (the bridges' shared subscription). */
  readonly queuedMessages: number;
  /** Average payload of a queued message, in bytes. */
  readonly payloadBytes: number;
}

/** Bytes of memory one broker needs for `load`. */
export function brokerMemoryNeed(load: BrokerLoad): number {
  const f = VERNEMQ_FIGURES;
  const perSession = f.connectionBuffer + f.processesPerSession * f.process;
  const queued = load.queuedMessages * (f.queuedMessageOverhead + load.payloadBytes);
  return f.base + f.leveldb + load.sessions * perSession + queued;
}

/** Payload of a queued message: a dojot device's JSON reading. An assumption: set the broker's memory yourself for larger messages. */
const ASSUMED_PAYLOAD_BYTES = 256;
const STEP = 256 * MiB;
const roundUp = (bytes: number) => Math.ceil(bytes / STEP) * STEP;

/** What a profile says about one broker's load. */
export interface BrokerLoadSettings {
  /** Devices the platform is sized for (`loadBalancer.expectedDevices`). */
  readonly expectedDevices: number;
  readonly brokers: number;
  /** Bridge replicas of each direction (`bridges.replicas`); each holds a queue on its local broker. */
  readonly bridges: number;
  readonly maxOnlineMessages: number;
}

/**
 * A broker's memory request and limit for the profile's load: the need rounded up to 256 MiB,
 * and half as much again as the limit (bursts of queued messages, garbage collection).
 */
export function brokerMemory(s: BrokerLoadSettings): { memory: string; memoryLimit: string } {
  const whole = (n: number) => (Number.isFinite(n) && n >= 1 ? Math.ceil(n) : 1);
  const brokers = whole(s.brokers);
  const need = brokerMemoryNeed({
    sessions: Math.ceil(whole(s.expectedDevices) / brokers),
    queuedMessages: Math.ceil(whole(s.bridges) / brokers) * whole(s.maxOnlineMessages),
    payloadBytes: ASSUMED_PAYLOAD_BYTES,
  });
  return { memory: `${roundUp(need) / MiB}Mi`, memoryLimit: `${roundUp(need * 1.5) / MiB}Mi` };
}

/** The most sessions a broker of `memoryBytes` holds, by the figures above (the inverse of brokerMemoryNeed). */
export function sessionsFitting(memoryBytes: number, s: Omit<BrokerLoadSettings, 'expectedDevices'>): number {
  const f = VERNEMQ_FIGURES;
  const brokers = Math.max(1, Math.ceil(s.brokers));
  const queued =
    Math.ceil(Math.max(1, s.bridges) / brokers) * Math.max(1, s.maxOnlineMessages) * (f.queuedMessageOverhead + ASSUMED_PAYLOAD_BYTES);
  const perSession = f.connectionBuffer + f.processesPerSession * f.process;
  return Math.max(0, Math.floor((memoryBytes - f.base - f.leveldb - queued) / perSession));
}
