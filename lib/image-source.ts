import type { Profile } from '../profile/types';

/** Where the images are pulled from: the profile's `images`. */
export type ImageSource = Profile['images'];

/**
 * The reference a container pulls `image` by: pinned by its digest when the profile gives one,
 * behind the mirror's registry when there is one (`registry.local:5000/dojot/<service>:<tag>@sha256:…`).
 */
export function pulledImage(image: string, source: ImageSource): string {
  const digest = Object.hasOwn(source.digests, image) ? source.digests[image] : undefined;
  const pinned = digest ? `${image}@${digest}` : image;
  return source.registry ? `${source.registry}/${pinned}` : pinned;
}

/** The reference an output's image was written from: without the mirror's registry and the digest. */
export function sourceImage(pulled: string, source: ImageSource): string {
  const unmirrored = source.registry && pulled.startsWith(`${source.registry}/`) ? pulled.slice(source.registry.length + 1) : pulled;
  return unmirrored.replace(/@sha256:[a-f0-9]{64}$/, '');
}
