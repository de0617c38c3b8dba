import type { ImageSource } from '../lib/image-source';
import { sourceImage } from '../lib/image-source';
import type { Problem } from '../profile/problems';
import type { Manifest } from './manifest';

interface PodSpecJson {
  containers?: { image?: string }[];
  initContainers?: { image?: string }[];
}

/** Every image the manifests' workloads run, as pulled, sorted. */
export function imagesOf(manifests: readonly Manifest[]): string[] {
  const images = new Set<string>();
  for (const o of manifests.flatMap((m) => m.objects) as { spec?: { template?: { spec?: PodSpecJson } } }[]) {
    const pod = o.spec?.template?.spec;
    for (const c of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) if (c.image) images.add(c.image);
  }
  return [...images].sort();
}

/** A digest the profile gives for an image that no workload of it runs: a typo, or another flavour's image. */
export function unusedDigests(manifests: readonly Manifest[], source: ImageSource): Problem[] {
  const used = new Set(imagesOf(manifests).map((i) => sourceImage(i, source)));
  return Object.keys(source.digests)
    .filter((image) => !used.has(image))
    .map((image) => ({
      path: `images.digests.${image}`,
      message: `no workload of this profile runs ${image}; its images: ${[...used].sort().join(', ')}`,
    }));
}
