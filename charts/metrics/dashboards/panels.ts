import { BigValueGraphMode, ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { DatasourceVariableBuilder, QueryVariableBuilder, VariableRefresh, VariableSort } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** The stack's Prometheus, chosen by a variable (never a data source's name, which differs per stack). */
export const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

export const datasourceVariable = () => new DatasourceVariableBuilder('datasource').label('Data source').type('prometheus');

/** A variable of the brokers' node names (every VerneMQ series carries `node`). */
export const nodeVariable = (multi: boolean) =>
  new QueryVariableBuilder('node')
    .label('Broker')
    .datasource(DATASOURCE)
    .query('label_values(socket_open, node)')
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(multi)
    .includeAll(multi);

/** A query, with its legend and a reference id of its own. */
const query = (expr: string, legend: string, refId: string) => new DataqueryBuilder().expr(expr).legendFormat(legend).refId(refId);

export interface Series {
  readonly expr: string;
  readonly legend: string;
}

/** A time series panel at a grid position (24 columns wide). */
export function timeseries(
  id: number,
  title: string,
  unit: string,
  pos: { x: number; y: number; w: number; h: number },
  series: readonly Series[],
): TimeseriesBuilder {
  const panel = new TimeseriesBuilder().id(id).title(title).datasource(DATASOURCE).unit(unit).gridPos(pos);
  series.forEach((s, i) => {
    panel.withTarget(query(s.expr, s.legend, String.fromCharCode(65 + i)));
  });
  return panel;
}

/** A single big number (its last value) at a grid position. */
export function stat(
  id: number,
  title: string,
  unit: string,
  pos: { x: number; y: number; w: number; h: number },
  expr: string,
): StatBuilder {
  return new StatBuilder()
    .id(id)
    .title(title)
    .datasource(DATASOURCE)
    .unit(unit)
    .gridPos(pos)
    .graphMode(BigValueGraphMode.Area)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .withTarget(query(expr, title, 'A'));
}

/** Per-second rate of a VerneMQ counter, per broker, over the variable's brokers. */
export const ratePerNode = (metric: string, filter = 'node=~"$node"') => `sum by (node) (rate(${metric}{${filter}}[$__rate_interval]))`;
/** Open MQTT connections: VerneMQ 1.10 counts sockets opened and closed. */
export const openConnections = (filter = 'node=~"$node"') =>
  `sum by (node) (socket_open{${filter}}) - sum by (node) (socket_close{${filter}})`;
