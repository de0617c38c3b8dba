import { ALL, component } from '../component';
import type { DojotChartProps } from '../dojot-chart';
import { zookeeperContract } from './contract';
import { ZookeeperChart } from './zookeeper-chart';
import { zookeeperStart } from './start-contract';
import { alive, exec, ready, starting, tcp } from '../../lib/probes';
import { NODE_USER, ROOT_FS_WRITTEN } from '../../lib/image-users';

/** zookeeper: its chart id, role, flavours, Argo CD wave, contract and chart. */
export const zookeeperComponent = component({
  name: 'zookeeper',
  chartId: 'zookeeper',
  role: 'coordination',
  deployedBy: ALL,
  wave: 'dataStores',
  contract: zookeeperContract,
  images: [
    {
      image: 'confluentinc/cp-zookeeper:5.5.0',
      runs: 'Apache ZooKeeper of Confluent Platform 5.5.0',
      endOfLife: [
        {
          of: 'Confluent Platform 5.5',
          date: '2023-04-24',
          source: 'https://docs.confluent.io/platform/current/installation/versions-interoperability.html',
        },
      ],
    },
  ],
  chart: (app, id, p, c: DojotChartProps<ZookeeperChart['contracts']>) =>
    new ZookeeperChart(app, id, { ...c, zookeeper: p.zookeeper, clusterDomain: p.clusterDomain }),
  health: (p) => ({
    // cp-zookeeper 5.5.0 (ZooKeeper 3.5): only `srvr` is whitelisted; it names a Mode only while serving.
    zookeeper: {
      zookeeper: {
        readiness: ready(exec('sh', '-c', `echo srvr | nc -w 2 127.0.0.1 ${p.zookeeper.clientPort} | grep -q Mode:`)),
        liveness: alive(tcp(p.zookeeper.clientPort)),
        startup: starting(tcp(p.zookeeper.clientPort), 120),
      },
    },
  }),
  start: (p) => ({ zookeeper: { zookeeper: zookeeperStart(p) } }),
  security: {
    // cp-zookeeper and cp-kafka 5.5.0 are made for any uid (chmod ag+w); v0.6.0 ran them as 1000.
    zookeeper: {
      zookeeper: {
        user: NODE_USER,
        dropAll: true,
        reason: `${ROOT_FS_WRITTEN}: /etc/kafka (its configuration, rendered at each start) and GC logs in /usr/logs`,
      },
    },
  },
  calls: [{ to: 'zookeeper', service: 'cluster', ports: ['server', 'election'] }],
});
