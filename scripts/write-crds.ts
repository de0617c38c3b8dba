// Writes the CRDs that charts/ define as constructs to crds/, the input of `cdk8s import`
// (which generates their typed classes in imports/). Run by `npm run import`.
import * as fs from 'node:fs';
import { App, Yaml } from 'cdk8s';
import { CrdChart } from '../charts/vernemq/crd-chart';

export const CRD_FILE = 'crds/vernemq.com_vernemqs.yaml';

export function renderCrds(): string {
  const chart = new CrdChart(new App(), 'crds');
  return Yaml.stringify(...chart.toJson());
}

if (require.main === module) {
  fs.mkdirSync('crds', { recursive: true });
  fs.writeFileSync(CRD_FILE, renderCrds());
  console.log(`wrote ${CRD_FILE}`);
}
