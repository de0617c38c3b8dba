import type { Construct } from 'constructs';
import { DojotChart, type DojotChartProps } from '../dojot-chart';
import { portOf } from '../../lib/contract';
import { DojotApiService, env } from '../../lib/workloads';
import type { KongContract } from '../kong/contract';
import type { BackstageContract } from './contract';

/** The contracts this chart reads. */
type BackstageReads = { readonly kong: KongContract; readonly backstage: BackstageContract };

export interface BackstageChartProps extends DojotChartProps<BackstageReads> {
  readonly version: string;
}

/** backstage, the GUI's GraphQL back end: its Deployment and Service (roles/backstage of v0.6.0). */
export class BackstageChart extends DojotChart<BackstageReads> {
  constructor(scope: Construct, id: string, { version, ...props }: BackstageChartProps) {
    super(scope, id, props);
    const { api } = this.contracts.backstage.services;
    const kongProxy = this.contracts.kong.services.internal;
    new DojotApiService(this, 'Api', {
      contract: api,
      placement: this.placement,
      container: {
        image: `dojot/backstage:${version}`,
        // Kong's proxy. backstage joins the two itself (`${LOCAL_URL}:${LOCAL_PORT}`, src/config.js of
        // dojot/backstage v0.6.0), so the URL carries no port.
        env: [env('LOCAL_URL', `http://${kongProxy.name}`), env('LOCAL_PORT', portOf(kongProxy, 'proxy').port)],
      },
    });
  }
}
