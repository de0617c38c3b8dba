// image-manager (charts/image-manager): its image, MinIO and PostgreSQL settings, and its Service.
import { describe, expect, it } from 'vitest';
import { envOf, imagesOf, podSpec, profileOf, synth } from '../helpers/synth';

describe('image-manager (default profile: vernemq flavour)', () => {
  const out = synth(profileOf('default'));

  it("image-manager: MinIO's address and keys, PostgreSQL with auth's user", () => {
    const d = out.find('Deployment', 'image-manager');
    expect(imagesOf(d)).toEqual(['dojot/image-manager:v0.6.0']);
    expect(envOf(d)).toEqual({
      S3URL: 'minio:9000',
      S3ACCESSKEY: 'minio-secret:access_key',
      S3SECRETKEY: 'minio-secret:secret_key',
      DBHOST: 'postgres',
      DBUSER: 'auth-secret:user',
      DBPASS: 'auth-secret:password',
    });
    expect(out.find('Service', 'image-manager').spec.ports).toEqual([{ port: 5000 }]);
    // The original's image-manager-secret is gone: auth's Secret is read directly.
    expect(out.maybe('Secret', 'image-manager-secret')).toBeUndefined();
  });
});

describe("addresses follow the other services' contracts", () => {
  const out = synth(profileOf('default', { minio: { port: 9100 }, kafka: { port: 9093 }, apigw: { httpPort: 8080 } }));

  it("MinIO listens on its Service's port, and image-manager reaches it there", () => {
    const [c] = podSpec(out.find('StatefulSet', 'minio')).containers;
    expect(c.args).toEqual(['server', '--address', ':9100', '/data']);
    expect(c.ports).toEqual([{ containerPort: 9100 }]);
    expect(c.livenessProbe.httpGet.port).toBe(9100);
    expect(out.find('Service', 'minio').spec.ports).toEqual([{ name: 'minio', port: 9100, targetPort: 9100 }]);
    expect(envOf(out.find('Deployment', 'image-manager')).S3URL).toBe('minio:9100');
  });
});
