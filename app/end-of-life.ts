import type { Component } from '../charts/component';
import { COMPONENTS } from '../charts/components';
import { isDeployed } from '../charts/component';
import { endedSupport, type ImageLifecycle } from '../lib/image-lifecycle';
import type { Profile } from '../profile/types';

/** Every image the profile's components describe (each component's `images`), once each. */
export function deployedImageLifecycles(p: Profile): ImageLifecycle[] {
  const all = (COMPONENTS as readonly Component[]).filter((c) => isDeployed(c, p)).flatMap((c) => c.images ?? []);
  return [...new Map(all.map((i) => [i.image, i])).values()];
}

/**
 * One note naming the images of the output (`images`, as the output names them before any mirror)
 * that run software past a dated end of upstream support on `today` (ISO), earliest first.
 */
export function endOfLifeNotice(p: Profile, images: readonly string[], today: string): string[] {
  const used = new Set(images);
  const past = deployedImageLifecycles(p)
    .filter((i) => used.has(i.image))
    .map((i) => ({ image: i.image, ended: endedSupport(i, today).filter((e) => e.date) }))
    .filter((i) => i.ended.length)
    .map((i) => ({ ...i, first: i.ended.map((e) => e.date as string).sort()[0] }))
    .sort((a, b) => a.first.localeCompare(b.first) || a.image.localeCompare(b.image));
  if (!past.length) return [];
  const named = past.map((i) => `${i.image} (${i.ended.map((e) => `${e.of}: ${e.date}`).join(', ')})`);
  return [`${past.length} images run software past its upstream end of support: ${named.join('; ')} (README, Images)`];
}
