// Builds the web UI: copies web/src and the graph library from node_modules
// into one directory (default web/dist) that alaqat serve serves as is.
// Usage: node build.mjs [--out DIR]. Nothing is fetched from the network.
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf('--out');
const out = resolve(i > 0 ? process.argv[i + 1] : join(here, 'dist'));
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor'), { recursive: true });
cpSync(join(here, 'src'), out, { recursive: true });
const lib = join(here, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js');
if (existsSync(lib)) {
  copyFileSync(lib, join(out, 'vendor', 'cytoscape.min.js'));
} else {
  console.warn(`web: ${lib} missing (run npm ci in web/): the network view will not draw`);
}
console.log(`web: built ${out}`);
