import type { ImageSecurityTable } from '../lib/container-security';
import type { Component } from './component';
import { COMPONENTS } from './components';

export type { ImageSecurity, ImageSecurityTable } from '../lib/container-security';

/** Every container the platform may run, each component's own (its component.ts, `security`); tests check that none is missing. */
export const IMAGE_SECURITY: ImageSecurityTable = Object.assign({}, ...COMPONENTS.map((c) => (c as Component).security ?? {}));
