import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { immutableChanges } from '../../app/diff/immutable-fields';
import type { ObjectChange } from '../../app/diff/object-diff';
import { deleteArguments, earlierOutputFolder, explainRefusals, procedureCommand, refusalsIn } from '../../rehearsal/upgrade';
import { tempDir } from '../helpers/temp';

// kubectl v1.37.2's standard error when `kubectl apply -f FILE` met three updates that a 1.37.2 API
// server refused (captured from a real one; the patches and the objects it dumps are cut short).
const STDERR = `Error from server (Invalid): error when applying patch:
{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}}}
to:
Resource: "apps/v1, Resource=statefulsets", GroupVersionKind: "apps/v1, Kind=StatefulSet"
Name: "postgres", Namespace: "dojot"
for: "/tmp/a.yaml": error when patching "/tmp/a.yaml": StatefulSet.apps "postgres" is invalid: [spec.volumeClaimTemplates: Invalid value: [{"name":"data","Spec":{"AccessModes":["ReadWriteOnce"]}}]: field is immutable, spec.serviceName: Invalid value: "postgres-headless": field is immutable]
Error from server (Invalid): error when applying patch:
{"spec":{"template":{}}}
to:
Resource: "batch/v1, Resource=jobs", GroupVersionKind: "batch/v1, Kind=Job"
Name: "kong-migrate", Namespace: "dojot"
for: "/tmp/a.yaml": error when patching "/tmp/a.yaml": Job.batch "kong-migrate" is invalid: spec.template: Invalid value: {"labels":{"job-name":"kong-migrate"},"Spec":{"Volumes":null}}: field is immutable
Error from server (Invalid): error when applying patch:
{"data":{"a":"b"}}
to:
Resource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"
Name: "fixed", Namespace: "dojot"
for: "/tmp/a.yaml": error when patching "/tmp/a.yaml": ConfigMap "fixed" is invalid: data: Forbidden: field is immutable when \`immutable\` is set
`;

describe("the API server's refusals, read from kubectl apply's standard error", () => {
  it("names each refused object as npm run diff does, in the server's words without the dumped objects", () => {
    expect(refusalsIn(STDERR)).toEqual([
      {
        id: 'StatefulSet/dojot/postgres',
        message:
          'StatefulSet.apps "postgres" is invalid: [spec.volumeClaimTemplates: field is immutable, spec.serviceName: field is immutable]',
      },
      { id: 'Job/dojot/kong-migrate', message: 'Job.batch "kong-migrate" is invalid: spec.template: field is immutable' },
      { id: 'ConfigMap/dojot/fixed', message: 'ConfigMap "fixed" is invalid: data: Forbidden: field is immutable when `immutable` is set' },
    ]);
  });

  it('reads a single refusal, printed without its namespace, with the namespace of the object applied', () => {
    // kubectl v1.37.2's words for one refused update (real, from a 1.37.2 API server).
    const one =
      'Warning: would violate PodSecurity "restricted:latest": x\nThe ConfigMap "postgres-init" is invalid: immutable: Forbidden: field is immutable when `immutable` is set\n';
    const applied = [{ kind: 'ConfigMap', metadata: { name: 'postgres-init', namespace: 'dojot' } }];
    expect(refusalsIn(one, applied)).toEqual([
      {
        id: 'ConfigMap/dojot/postgres-init',
        message: 'ConfigMap "postgres-init" is invalid: immutable: Forbidden: field is immutable when `immutable` is set',
      },
    ]);
    // Several causes of one object: kubectl lists them one per line.
    const causes =
      'The StatefulSet "postgres" is invalid: \n* spec.serviceName: Invalid value: "x": field is immutable\n* spec.volumeClaimTemplates: Invalid value: [{"name":"data"}]: field is immutable\n';
    expect(refusalsIn(causes, [{ kind: 'StatefulSet', metadata: { name: 'postgres', namespace: 'dojot' } }])).toEqual([
      {
        id: 'StatefulSet/dojot/postgres',
        message: 'StatefulSet "postgres" is invalid: spec.serviceName: field is immutable; spec.volumeClaimTemplates: field is immutable',
      },
    ]);
  });

  it('finds none in an error that is not a refused update', () => {
    expect(refusalsIn('error: the path "dist/x.yaml" does not exist\n')).toEqual([]);
    expect(refusalsIn('')).toEqual([]);
  });
});

describe("npm run diff's procedures, as commands", () => {
  const ref = { kind: 'StatefulSet', name: 'postgres', namespace: 'dojot' };
  it('are the kubectl command before ", then apply", for every kind that has one', () => {
    expect(procedureCommand(immutableChanges(ref, ['spec.serviceName'])[0].how)).toEqual([
      '-n',
      'dojot',
      'delete',
      'statefulset',
      'postgres',
      '--cascade=orphan',
    ]);
    expect(
      procedureCommand(
        immutableChanges({ kind: 'Job', name: 'kong-migrate', namespace: 'dojot' }, ['spec.template.spec.containers[0].env'])[0].how,
      ),
    ).toEqual(['-n', 'dojot', 'delete', 'job', 'kong-migrate']);
    expect(
      procedureCommand(immutableChanges({ kind: 'Deployment', name: 'kong', namespace: 'dojot' }, ['spec.selector.matchLabels.x'])[0].how),
    ).toEqual(['-n', 'dojot', 'delete', 'deployment', 'kong']);
    expect(procedureCommand(immutableChanges({ kind: 'StorageClass', name: 'local' }, ['reclaimPolicy'])[0].how)).toEqual([
      'delete',
      'storageclass',
      'local',
    ]);
  });

  it("are none where the way through is a person's work (a claim's data to copy)", () => {
    expect(
      procedureCommand(immutableChanges({ kind: 'PersistentVolumeClaim', name: 'c', namespace: 'dojot' }, ['spec.selector'])[0].how),
    ).toBeUndefined();
  });
});

describe('a refusal, held against npm run diff', () => {
  const change = (id: string, immutable: ObjectChange['immutable']): ObjectChange => ({
    chart: 'x',
    id,
    type: 'changed',
    fields: [{ path: 'spec.serviceName', type: 'changed' }],
    immutable,
  });
  const refusals = refusalsIn(STDERR);
  it('is predicted when diff listed that object as not changeable in place, with its procedure', () => {
    const how = immutableChanges({ kind: 'StatefulSet', name: 'postgres', namespace: 'dojot' }, ['spec.serviceName'])[0].how;
    const [postgres, job, configMap] = explainRefusals(refusals, [
      change('StatefulSet/dojot/postgres', [{ field: 'spec.serviceName', how }]),
      change('ConfigMap/dojot/fixed', []),
    ]);
    expect(postgres).toMatchObject({ id: 'StatefulSet/dojot/postgres', predicted: true, procedure: how });
    // Not listed at all, or listed as changed but changeable in place: unpredicted.
    expect(job).toMatchObject({ id: 'Job/dojot/kong-migrate', predicted: false });
    expect(configMap).toMatchObject({ id: 'ConfigMap/dojot/fixed', predicted: false });
    expect(job.procedure).toBeUndefined();
  });
});

describe('deleting what the new output no longer has', () => {
  it('names the kind, the object and its namespace, and tolerates it gone', () => {
    expect(deleteArguments('PodDisruptionBudget/dojot/kafka-pdb')).toEqual([
      'delete',
      'poddisruptionbudget',
      'kafka-pdb',
      '-n',
      'dojot',
      '--ignore-not-found',
    ]);
    expect(deleteArguments('PersistentVolume/kafka-0')).toEqual(['delete', 'persistentvolume', 'kafka-0', '--ignore-not-found']);
  });
});

describe('the earlier output of an upgrade', () => {
  /** A repository's committed output folder: its `dist/`, which `git:<ref>` reads. */
  const committedOutput = (repository: string) => `${repository}/dist`;
  const repository = () => {
    const dir = tempDir('dojot-upgrade-git-');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    fs.writeFileSync(path.join(dir, 'README.md'), 'x\n');
    git('add', '.');
    git('commit', '-q', '-m', 'no output yet');
    // The temporary repository's own committed output (not this project's).
    const output = committedOutput(dir);
    fs.mkdirSync(path.join(output, 'monitoring'), { recursive: true });
    fs.writeFileSync(path.join(output, '0000-namespace.k8s.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: { name: dojot }\n');
    fs.writeFileSync(path.join(output, 'prepare-local-volumes.sh'), '#!/bin/sh\n');
    fs.writeFileSync(path.join(output, 'monitoring', '0001-rules.k8s.yaml'), 'kind: PrometheusRule\n');
    git('add', '.');
    git('commit', '-q', '-m', 'an output');
    return dir;
  };

  it("is git:<ref>'s committed dist/, every file of it, written into a folder", () => {
    const repo = repository();
    const out = path.join(tempDir(), 'earlier');
    expect(earlierOutputFolder('git:HEAD', out, repo)).toBe(out);
    expect((fs.readdirSync(out, { recursive: true }) as string[]).sort()).toEqual([
      '0000-namespace.k8s.yaml',
      'monitoring',
      'monitoring/0001-rules.k8s.yaml',
      'prepare-local-volumes.sh',
    ]);
    expect(fs.readFileSync(path.join(out, '0000-namespace.k8s.yaml'), 'utf8')).toContain('kind: Namespace');
  });

  it('is refused in one line: an unknown ref, a ref without dist/, a folder that is not an output', () => {
    const repo = repository();
    expect(() => earlierOutputFolder('git:no-such-ref', tempDir(), repo)).toThrow(
      "--upgrade-from git:no-such-ref: git knows no revision 'no-such-ref' here",
    );
    expect(() => earlierOutputFolder('git:HEAD~1', tempDir(), repo)).toThrow(
      '--upgrade-from git:HEAD~1: that revision has no dist/ with manifests committed',
    );
    expect(() => earlierOutputFolder(repo, tempDir(), repo)).toThrow(`--upgrade-from ${repo}: not an output folder`);
    // An output folder is taken as it is.
    expect(earlierOutputFolder(committedOutput(repo), tempDir(), repo)).toBe(committedOutput(repo));
  });
});
