/**
 * What an image runs and how long its upstream supports it: for a platform engineer deciding what
 * to rebuild or replace. Dates are upstream's own, with the page that publishes them.
 */
export interface ImageLifecycle {
  /** The image as the output names it, before any mirror or digest (`dojot/<service>:<tag>`). */
  readonly image: string;
  /** What it runs upstream, with its version (`PostgreSQL 9.5.21`). */
  readonly runs: string;
  /** The image it is built on, for dojot's own builds, and where that was read. */
  readonly base?: string;
  /** Each end of upstream support it depends on: of what it runs, of its base. */
  readonly endOfLife: readonly EndOfLife[];
}

export interface EndOfLife {
  /** What stops being supported (`PostgreSQL 9.5`). */
  readonly of: string;
  /** The day, ISO (`2021-02-11`); none: upstream supports only its latest release, which this is not. */
  readonly date?: string;
  /** Where upstream says so. */
  readonly source: string;
}

/** One of dojot's own v0.6.0 images: built from dojot's source on `base` (its Dockerfile at v0.6.0, read where named). */
export const dojotImage = (name: string, base: string, endOfLife: readonly EndOfLife[]): ImageLifecycle => ({
  image: `dojot/${name}:v0.6.0`,
  runs: `dojot ${name} v0.6.0`,
  base,
  endOfLife,
});

/** The ends of support an image is past on `today` (ISO date): dated ones before it, and undated (latest-only) ones. */
export function endedSupport(image: ImageLifecycle, today: string): EndOfLife[] {
  return image.endOfLife.filter((e) => !e.date || e.date < today);
}

// Ends of support several images share.
export const EOL = {
  alpine39: { of: 'Alpine 3.9', date: '2020-11-01', source: 'https://alpinelinux.org/releases/' },
  node10: { of: 'Node.js 10', date: '2021-04-30', source: 'https://nodejs.org/en/about/previous-releases' },
  node12: { of: 'Node.js 12', date: '2022-04-30', source: 'https://nodejs.org/en/about/previous-releases' },
  nginx: { of: 'nginx of its mainline then', source: 'https://nginx.org/en/download.html' },
  alpine310: { of: 'Alpine 3.10', date: '2021-05-01', source: 'https://alpinelinux.org/releases/' },
  alpine311: { of: 'Alpine 3.11', date: '2021-11-01', source: 'https://alpinelinux.org/releases/' },
  node8: { of: 'Node.js 8', date: '2019-12-31', source: 'https://nodejs.org/en/about/previous-releases' },
  python36: { of: 'Python 3.6', date: '2021-12-23', source: 'https://peps.python.org/pep-0494/' },
} as const satisfies Record<string, EndOfLife>;
