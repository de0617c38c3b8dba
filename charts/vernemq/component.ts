import { dojotImage, EOL } from '../../lib/image-lifecycle';
import { k8s } from 'cdk8s-plus-27';
import { brokerSettings } from './broker-settings';
import { vernemqSecrets } from './secret';
import { component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { vernemqContract, vernemqStateNotices } from './contract';
import { VernemqChart } from './vernemq-chart';
import { IMAGE_PATHS } from './image-facts';
import { vernemqStart } from './start-contract';

/** vernemq: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const vernemqComponent = component({
  name: 'vernemq',
  chartId: 'vernemq',
  role: 'mqtt-broker',
  deployedBy: ['100k', 'vernemq'],
  wave: 'services',
  contract: vernemqContract,
  notices: vernemqStateNotices,
  images: [
    dojotImage(
      'vernemq-dojot',
      'alpine:3.9 (dojot/dojot connector/mqtt/vernemq/broker/Dockerfile, VerneMQ 1.10.0 built with erlang:21.3-alpine)',
      [EOL.alpine39, { of: 'VerneMQ 1.10', source: 'https://github.com/vernemq/vernemq/releases' }],
    ),
  ],
  secrets: vernemqSecrets,
  chart: (app, id, p, c: DojotChartProps<VernemqChart['contracts']>) =>
    new VernemqChart(app, id, {
      ...c,
      vernemq: p.vernemq,
      domainName: p.domainName,
      clusterDomain: p.clusterDomain,
      rbac: p.kubernetesRbac,
    }),
  health: () => ({
    'vernemq-k8s': { vernemq: { own: 'VerneMQ chart: /health on its HTTP listener' } },
  }),
  start: (p) => ({ 'vernemq-k8s': { vernemq: vernemqStart(p) } }),
  security: {
    'vernemq-k8s': {
      vernemq: {
        user: { uid: IMAGE_PATHS.uid },
        dropAll: true,
        reason: 'set by its chart: the start script writes vernemq.conf and vm.args into the image',
      },
    },
  },
  // Prometheus scrapes the brokers from its own namespace.
  admits: (p) =>
    p.metrics.enabled
      ? [
          {
            service: 'internal',
            ports: ['http'],
            from: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': p.metrics.namespace } } },
          },
        ]
      : [],
  calls: [
    // The brokers sign their certificates at start.
    { to: 'x509IdentityMgmt', service: 'api', ports: ['http'] },
    { to: 'vernemq', service: 'cluster', ports: ['epmd', 'clustering'] },
  ],
  // The Erlang distribution between the brokers (vmq-admin, cluster membership), outside any Service.
  ownPolicies: (p, c, ownPods) => {
    const range = brokerSettings(p.vernemq).distributionPorts;
    return [
      {
        id: 'VernemqDistribution',
        name: 'vernemq-k8s-distribution',
        spec: {
          podSelector: { matchLabels: { ...c.services.cluster.selector } },
          policyTypes: ['Ingress'],
          ingress: [
            { from: [ownPods], ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(range.minimum), endPort: range.maximum }] },
          ],
        },
      },
    ];
  },
});
