import type { k8s } from 'cdk8s-plus-27';

/**
 * What dojot/iotagent-leshan v0.6.0 listens on (branch release/v0.6.0 = tag v0.6.0-rc.1, af201ff):
 * Leshan's LwM2M server on its defaults (CoAP 5683, CoAPS 5684; LwM2MAgent.java sets no address),
 * the CoAP file server on `fileServerCoAP.properties` (COAP_PORT 5693, COAP_SECURE_PORT 5694),
 * and the HTTP file server (SimpleFileServerHttp, Jetty) on FILE_SERVER_HTTP_PORT (default 5896),
 * the same value the agent writes into the firmware URLs it gives devices. Nothing serves HTTPS
 * (FILE_SERVER_HTTPS_PORT only appears in a URL that the agent refuses: "HTTPS is not supported yet").
 */
export function lwm2mContainerPorts(fileServerHttpPort: number): k8s.ContainerPort[] {
  return [
    { name: 'coap', containerPort: 5683, protocol: 'UDP' },
    { name: 'coaps', containerPort: 5684, protocol: 'UDP' },
    { name: 'file-coap', containerPort: 5693, protocol: 'UDP' },
    { name: 'file-coaps', containerPort: 5694, protocol: 'UDP' },
    { name: 'file-http', containerPort: fileServerHttpPort, protocol: 'TCP' },
  ];
}
