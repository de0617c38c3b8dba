// data-manager (charts/data-manager): its image, port 3000 and the services it exports from.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, profileOf, synth } from '../helpers/synth';

describe('data-manager (default profile)', () => {
  const out = synth(profileOf('default'));

  it('data-manager: port 3000 and the services it exports from', () => {
    const w = out.find('Deployment', 'data-manager');
    expect(containerOf(w).image).toBe(`dojot/data-manager:${out.profile.versions.dataManager}`);
    expect(envOf(w)).toEqual({
      PORT: '3000',
      FLOW_BROKER_URL: 'http://flowbroker:80',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
      CRON_URL: 'http://cron:5000/cron',
    });
    expect(out.find('Service', 'data-manager').spec).toMatchObject({
      ports: [{ port: 3000 }],
      selector: { app: 'dojot', name: 'data-manager' },
    });
  });
});
