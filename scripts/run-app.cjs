// The cdk8s app command (cdk8s.yaml): runs main.ts from a bundle that esbuild rebuilds
// whenever a source file is newer. Loading one prebuilt file instead of compiling each
// TypeScript module at start-up halves the synth time (see `npm run bench`).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, '.build', 'main.js');
const SOURCES = ['main.ts', 'app', 'profile', 'charts', 'lib', 'load-balancer', 'package-lock.json'];

/** Newest modification time among the sources (folders too, so a deleted file counts). */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) if (!e.endsWith('.test.ts') && e !== 'fixtures') visit(path.join(p, e));
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

function isStale() {
  try {
    return fs.statSync(bundle).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

if (isStale()) {
  require('esbuild').buildSync({
    entryPoints: [path.join(root, 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // cdk8s and friends load from node_modules as usual; the Grafana SDK is bundled, tree-shaken:
    // loading its modules one by one cost a tenth of a synth (`npm run bench`).
    // Graphviz (WebAssembly) loads only when the picture is drawn.
    external: ['cdk8s', 'cdk8s-plus-27', 'constructs', 'yaml', '@hpcc-js/wasm-graphviz'],
    // tsconfig.json maps the SDK's paths to its type declarations, for the type checker only.
    tsconfigRaw: { compilerOptions: {} },
    outfile: bundle,
    logLevel: 'warning',
  });
}
require(bundle);
