import { type ComponentContract, type LocalVolume, serviceUrl } from '../../lib/contract';
import { dojotLabels } from '../../lib/labels';
import type { Profile } from '../../profile/types';

export const X509_NAME = 'x509-identity-mgmt';
export const X509_LABELS = dojotLabels(X509_NAME);

/** EJBCA's state (`/mnt/persistent`). */
export const X509_VOLUME = {
  pvName: 'local-pv-x509-identity-mgmt',
  group: 'x509',
  directory: 'ejbca',
  accessMode: 'ReadWriteMany',
  selector: { app: 'dojot', name: X509_NAME },
  persistence: (p) => p.x509IdentityMgmt.persistence,
} as const satisfies LocalVolume;

/** x509-identity-mgmt: the certificate authority that issues device and broker certificates. */
export function x509IdentityMgmtContract(_p: Profile) {
  const api = { name: X509_NAME, selector: X509_LABELS, ports: { http: { name: X509_NAME, port: 3000 } } };
  return {
    services: { api },
    routes: [{ service: X509_NAME, upstream: serviceUrl(api, 'http', '/api'), paths: ['/x509'], stripPath: true, authorized: true }],
    volumes: [X509_VOLUME],
  } satisfies ComponentContract;
}

/** What it offers, as its chart and its clients' charts read it. */
export type X509IdentityMgmtContract = ReturnType<typeof x509IdentityMgmtContract>;
