/**
 * `npm run lint` fails on an import cycle in src/: between two modules, or between two top-level
 * folders (`api` → `tenant` → `api`), so that each folder can be read, and changed, on top of the
 * ones below it. Type-only imports count too: they say which folder a module leans on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Each module of `root` (relative paths, `.ts`) with the modules of `root` it imports. */
export function importGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.includes('generated'),
  );
  for (const file of files) {
    const targets = new Set<string>();
    for (const [, specifier] of readFileSync(join(root, file), 'utf8').matchAll(importPattern)) {
      const target = normalize(join(dirname(file), specifier!)).replace(/\.js$/, '.ts');
      if (files.includes(target)) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The top-level folder of a module (`server` for everything under src/server/). */
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : '.');

export function folderGraph(graph: Map<string, Set<string>>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    const edges = folders.get(from) ?? new Set<string>();
    for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target));
    folders.set(from, edges);
  }
  return folders;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
export function findCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const walk = (node: string, path: string[]) => {
    const seen = path.indexOf(node);
    if (seen >= 0) {
      cycles.push([...path.slice(seen), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) walk(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) walk(node, []);
  return cycles;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve('src');
  const modules = importGraph(root);
  const cycles = [...findCycles(modules), ...findCycles(folderGraph(modules))];
  for (const cycle of cycles) console.error(`Import cycle: ${cycle.join(' → ')}`);
  if (cycles.length > 0) process.exit(1);
  console.log(`No import cycles among ${modules.size} modules in ${relative('.', root)}/.`);
}
