import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { x509IdentityMgmtSecrets } from './secret';
import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { x509IdentityMgmtContract } from './contract';
import { X509IdentityMgmtChart } from './x509-identity-mgmt-chart';
import { x509IdentityMgmtStart } from './start-contract';
import { alive, http, portIn, ready, starting, tcp } from '../../lib/probes';
import { ROOT_FS_WRITTEN } from '../../lib/image-users';

/** x509-identity-mgmt: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const x509IdentityMgmtComponent = component({
  name: 'x509IdentityMgmt',
  chartId: 'x509-identity-mgmt',
  role: 'certificate-authority',
  deployedBy: ALL,
  wave: 'services',
  contract: x509IdentityMgmtContract,
  images: [
    dojotImage('x509-identity-mgmt', 'primekey/ejbca-ce:6.15.2.6 (dojot/dojot x509-identity-mgmt/Dockerfile, with Node.js 12 from yum)', [
      EOL.node12,
      { of: 'EJBCA 6.15', source: 'https://github.com/Keyfactor/ejbca-ce/releases' },
    ]),
  ],
  secrets: x509IdentityMgmtSecrets,
  chart: (app, id, p, c: DojotChartProps<X509IdentityMgmtChart['contracts']>) =>
    new X509IdentityMgmtChart(app, id, { ...c, x509: p.x509IdentityMgmt, ejbcaDb: p.postgres.ejbca.db }),
  health: (_p, c) => ({
    // x509-identity-mgmt v0.6.0: /healthcheck is 200 when MongoDB and EJBCA are (terminus); EJBCA's first boot takes minutes.
    'x509-identity-mgmt': {
      'x509-identity-mgmt': {
        readiness: ready(http('/healthcheck', portIn(c.services.api))),
        liveness: alive(tcp(portIn(c.services.api))),
        startup: starting(tcp(portIn(c.services.api)), 600),
      },
    },
  }),
  start: (p) => ({ 'x509-identity-mgmt': { 'x509-identity-mgmt': x509IdentityMgmtStart(p) } }),
  security: {
    // dojot/x509-identity-mgmt: USER 10001 (Dockerfile:51).
    'x509-identity-mgmt': {
      'x509-identity-mgmt': {
        user: { uid: 10001 },
        dropAll: true,
        reason: `${ROOT_FS_WRITTEN}: WildFly's configuration, data and logs under /opt/primekey, too many paths for emptyDirs`,
      },
    },
  },
  calls: [
    { to: 'postgres', service: 'db', ports: ['sql'] },
    { to: 'mongodb', service: 'db', ports: ['mongo'] },
  ],
});
