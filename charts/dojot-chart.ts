import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { StorageSettings } from './storage/claims';
import type { CarriesContainerFacts, ContainerFacts } from '../lib/container-facts';
import type { PodPlacement } from '../lib/placement';

/** What every namespaced dojot chart needs besides its own slice of the profile. */
/** `C`: the contracts the chart reads, by component (`{ someService: ItsContract }`): it is given those alone. */
export interface DojotChartProps<C extends object = object> {
  readonly namespace: string;
  readonly placement: PodPlacement;
  /** For the charts whose services claim volumes. */
  readonly storage: StorageSettings;
  /** What every deployed component offers the others: Service names, ports, routes, volumes. */
  readonly contracts: C;
  /** Its containers' resources, health checks and image security, given where each is built; none: it runs no workload. */
  readonly containerFacts?: ContainerFacts;
}

/** A chart whose objects all live in the dojot namespace, with the names we give them. */
export class DojotChart<C extends object = object> extends Chart implements CarriesContainerFacts {
  readonly placement: PodPlacement;
  readonly storage: StorageSettings;
  readonly contracts: C;
  readonly containerFacts?: ContainerFacts;

  constructor(scope: Construct, id: string, props: DojotChartProps<C>) {
    super(scope, id, { namespace: props.namespace, disableResourceNameHashes: true });
    this.placement = props.placement;
    this.storage = props.storage;
    this.contracts = props.contracts;
    this.containerFacts = props.containerFacts;
  }
}
