// history (charts/history): its image, settings, MongoDB and device-manager addresses, Service and toggle.
import { describe, expect, it } from 'vitest';
import { containerOf, envOf, originalLabels, profileOf, synth } from '../helpers/synth';

const labelsOf = (name: string) => ({ app: 'dojot', name });

describe('history (default profile)', () => {
  const out = synth(profileOf('default'));

  it('history: image, settings and its MongoDB and device-manager from the contracts', () => {
    const w = out.find('Deployment', 'history');
    expect(containerOf(w).image).toBe(`dojot/history:${out.profile.versions.history}`);
    expect(envOf(w)).toEqual({
      FALCON_SETTINGS_MODULE: 'history.settings.docker',
      DOJOT_MANAGEMENT_USER: 'history',
      HISTORY_DB_ADDRESS: 'mongodb',
      HISTORY_DB_PORT: '27017',
      DEVICE_MANAGER_URL: 'http://device-manager:5000',
      // As a non-root user whose HOME is /, a zipped egg extracts here (its component's `security`).
      PYTHON_EGG_CACHE: '/tmp/.python-eggs',
    });
    const svc = out.find('Service', 'history');
    expect(originalLabels(svc.metadata.labels)).toEqual({ name: 'history' });
    expect(svc.spec.ports).toEqual([{ port: 8000 }]);
    expect(svc.spec.selector).toEqual(labelsOf('history'));
  });

  it('leaves out history when its toggle is off', () => {
    const off = synth(profileOf('default', { optional: { history: false, persister: false } }));
    expect(off.maybe('Deployment', 'history')).toBeUndefined();
    expect(off.maybe('Service', 'history')).toBeUndefined();
  });
});

describe('addresses follow the contracts', () => {
  const INFLUX_ON = { optional: { influxdb: true, influxdbStorer: true, influxdbRetriever: true } } as const;
  const out = synth(profileOf('default', { kafka: { port: 9093 }, mongodb: { port: 27018 }, influxdb: { port: 9999 }, ...INFLUX_ON }));

  it("MongoDB's port", () => {
    expect(envOf(out.find('Deployment', 'history')).HISTORY_DB_PORT).toBe('27018');
  });
});
