import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Debian's Chromium (`apt-get install chromium`), by either of its names on the PATH; undefined when neither is. */
export function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

/** A set of fonts the browser sees, and nothing else: fontconfig's own rules, over these font folders only. */
export interface FontSet {
  readonly name: string;
  /** The fontconfig file that limits the browser (and fc-match) to the set. */
  readonly config: string;
}

/** The folders that hold a font family's files on this machine (`fc-list`); none when it is not installed. */
export function fontFolders(family: string): string[] {
  const listed = spawnSync('fc-list', ['--format', '%{file}\n', family], { encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`fc-list failed (apt-get install fontconfig): ${listed.stderr}`);
  return [
    ...new Set(
      listed.stdout
        .split('\n')
        .filter(Boolean)
        .map((f) => path.dirname(f)),
    ),
  ].sort();
}

/**
 * A fontconfig file that shows only `folders` (with the system's rules: aliases such as Arial ->
 * Liberation Sans, the generic families), so the browser runs as on a machine with those fonts alone.
 */
export function fontSet(name: string, folders: readonly string[], dir: string): FontSet {
  const config = path.join(dir, `fonts-${name}.conf`);
  fs.mkdirSync(path.join(dir, `cache-${name}`), { recursive: true });
  fs.writeFileSync(
    config,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      ...folders.map((f) => `  <dir>${f}</dir>`),
      '  <include ignore_missing="yes">/etc/fonts/conf.d</include>',
      `  <cachedir>${path.join(dir, `cache-${name}`)}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return { name, config };
}

/** What fontconfig gives for a family in a font set (`fc-match`): the family it uses, e.g. "DejaVu Sans". */
export function fontMatch(set: FontSet, family: string): string {
  const r = spawnSync('fc-match', ['--format', '%{family[0]}', family], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: set.config },
  });
  if (r.status !== 0) throw new Error(`fc-match failed: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Opens an HTML file in headless Chromium (`--dump-dom`, no DevTools client) with only the fonts
 * of `fonts`, and returns the document as its scripts left it.
 */
export function dumpDom(chromium: string, page: string, fonts: FontSet, dir: string): string {
  const profile = fs.mkdtempSync(path.join(dir, 'profile-'));
  const r = spawnSync(
    chromium,
    [
      '--headless',
      // The sandbox needs user namespaces, which a container run as root does not give.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      `--user-data-dir=${profile}`,
      '--dump-dom',
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FONTCONFIG_FILE: fonts.config } },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  if (r.error) throw new Error(`${chromium} did not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${chromium} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}
