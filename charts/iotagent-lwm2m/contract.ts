import { type ComponentContract, exposedAs } from '../../lib/contract';
import type { Profile } from '../../profile/types';

/**
 * iotagent-lwm2m (the `lwm2m` flavour): CoAP, CoAPS and the file servers over UDP and CoAP over
 * HTTP, on NodePorts that nginx fronts (HAProxy cannot balance UDP). The original's 5897 (HTTPS)
 * is left out: nothing in the agent serves it ("HTTPS is not supported yet", image-ports.ts).
 */
export function iotagentLwm2mContract(p: Profile) {
  const n = p.nodePorts.lwm2m;
  return {
    services: {
      lwm2m: {
        name: 'iotagent-lwm2m',
        selector: { name: 'iotagent-lwm2m', app: 'dojot' },
        ports: {
          coap: { name: 'lwm2m-one', protocol: 'UDP', port: 5683, exposed: exposedAs(p, 'lwm2m-coap', n.coap, 'CoAP, iotagent-lwm2m') },
          coaps: {
            name: 'lwm2m-two',
            protocol: 'UDP',
            port: 5684,
            exposed: exposedAs(p, 'lwm2m-coaps', n.coaps, 'CoAP over DTLS, iotagent-lwm2m'),
          },
          fileServer: {
            name: 'lwm2m-three',
            protocol: 'UDP',
            port: 5693,
            exposed: exposedAs(p, 'lwm2m-file-server', n.fileServer, 'file server, iotagent-lwm2m'),
          },
          fileServers: {
            name: 'lwm2m-four',
            protocol: 'UDP',
            port: 5694,
            exposed: exposedAs(p, 'lwm2m-file-servers', n.fileServers, 'file server over DTLS, iotagent-lwm2m'),
          },
          // The agent's HTTP file server listens on the port it writes into devices' firmware URLs.
          http: {
            name: 'lwm2m-http',
            protocol: 'TCP',
            port: 5896,
            targetPort: 'file-http',
            exposed: exposedAs(p, 'lwm2m-http', n.http, 'firmware over HTTP, iotagent-lwm2m'),
          },
        },
      },
    },
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type IotagentLwm2mContract = ReturnType<typeof iotagentLwm2mContract>;
