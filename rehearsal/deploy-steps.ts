import * as fs from 'node:fs';
import * as path from 'node:path';

/** The README the deploy steps are read from: the rehearsal runs what users are told to run. */
export const README = path.join(__dirname, '..', 'README.md');

/** The commands of the README's deploy block (between `<!-- deploy:start -->` and `<!-- deploy:end -->`), comments removed. */
export function readmeDeploySteps(readme = fs.readFileSync(README, 'utf8')): string[] {
  const block = /<!-- deploy:start -->\n```sh\n([\s\S]*?)```\n<!-- deploy:end -->/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no deploy block between <!-- deploy:start --> and <!-- deploy:end -->');
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** What one README step does, as the rehearsal runs it. */
export type DeployStep =
  | { readonly kind: 'synth'; readonly line: string }
  | { readonly kind: 'secrets'; readonly line: string }
  | { readonly kind: 'apply'; readonly line: string; readonly file: string }
  | { readonly kind: 'host-directories'; readonly line: string; readonly script: string };

/**
 * Each README step as one the rehearsal knows, its `dist` paths relative to the output folder; a
 * step it does not know is an error, so the README and the rehearsal cannot drift apart.
 */
export function classifySteps(steps: readonly string[]): DeployStep[] {
  return steps.map((line): DeployStep => {
    if (/^npm run synth -- /.test(line)) return { kind: 'synth', line };
    if (/^npm run -s secrets -- .*\| kubectl apply -f -$/.test(line)) return { kind: 'secrets', line };
    const apply = /^kubectl apply -f dist(\/[^\s]*)?$/.exec(line);
    if (apply) return { kind: 'apply', line, file: (apply[1] ?? '').replace(/^\//, '') };
    const script = /^sh dist\/([^\s]+\.sh) [a-z0-9-]+$/.exec(line);
    if (script) return { kind: 'host-directories', line, script: script[1] };
    throw new Error(`README.md's deploy step '${line}' is not one the rehearsal knows (rehearsal/deploy-steps.ts)`);
  });
}
