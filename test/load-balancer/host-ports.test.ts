import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../app/settings';
import { ProfileError } from '../../profile/problems';
import { tempDir } from '../helpers/temp';

const HOSTS = (more = '') =>
  `all:\n  children:\n    mqtt_nodes:\n      hosts:\n        10.0.0.1:\n    apigw_nodes:\n      hosts:\n        10.0.0.2:\n    metrics_nodes:\n      hosts:\n        10.0.0.2:\n    lwm2m_nodes:\n      hosts:\n        10.0.0.3:\n${more}`;

function inputs(profile: string, hosts?: string) {
  const dir = tempDir('dojot-host-ports-');
  fs.writeFileSync(path.join(dir, 'profile.yaml'), profile);
  if (hosts === undefined) return { profile: path.join(dir, 'profile.yaml') };
  fs.writeFileSync(path.join(dir, 'hosts.yaml'), hosts);
  return { profile: path.join(dir, 'profile.yaml'), inventory: path.join(dir, 'hosts.yaml') };
}

function problemsOf(i: ReturnType<typeof inputs>): string[] {
  try {
    loadSettings(i);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
}

describe("the load balancer host's TCP ports, each taken once", () => {
  it("refuses LwM2M's firmware port on HAProxy's metrics entry point", () => {
    expect(problemsOf(inputs('flavour: lwm2m\niotagentLwm2m: { fileServerHttpPort: 8080 }\n', HOSTS()))).toEqual([
      "iotagentLwm2m.fileServerHttpPort: must be unique among the TCP ports of the load balancer host: 8080 is also HAProxy's metrics entry point",
    ]);
  });

  it('refuses it on the Kubernetes API port when the inventory has control-plane nodes', () => {
    const cp = '    control_plane_nodes:\n      hosts:\n        10.0.0.9:\n';
    expect(problemsOf(inputs('flavour: lwm2m\niotagentLwm2m: { fileServerHttpPort: 6443 }\n', HOSTS(cp)))).toEqual([
      "iotagentLwm2m.fileServerHttpPort: must be unique among the TCP ports of the load balancer host: 6443 is also HAProxy's Kubernetes API entry point",
    ]);
    // Without control-plane nodes HAProxy does not listen on 6443.
    expect(problemsOf(inputs('flavour: lwm2m\niotagentLwm2m: { fileServerHttpPort: 6443 }\n', HOSTS()))).toEqual([]);
  });

  it('takes the port when nothing on the host listens there: no nginx outside lwm2m, no host without an inventory', () => {
    expect(problemsOf(inputs('iotagentLwm2m: { fileServerHttpPort: 8080 }\n', HOSTS()))).toEqual([]);
    expect(problemsOf(inputs('flavour: lwm2m\niotagentLwm2m: { fileServerHttpPort: 8080 }\n'))).toEqual([]);
    expect(problemsOf(inputs('flavour: lwm2m\n', HOSTS()))).toEqual([]);
  });
});
