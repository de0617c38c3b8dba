import { ALL, component } from '../component';
import { x509IdentityMgmtContract } from './contract';

/** x509-identity-mgmt: what the platform knows of it besides its chart. */
export const x509IdentityMgmtComponent = component({
  name: 'x509IdentityMgmt',
  chartId: 'x509-identity-mgmt',
  role: 'certificate-authority',
  deployedBy: ALL,
  wave: 'services',
  contract: x509IdentityMgmtContract,
});
