/**
 * No import cycles under src/. A cycle makes module start-up order depend on which file is
 * loaded first (a value read before its module has run is `undefined`), and it usually means
 * two modules should be one, or a third should hold what both need.
 *
 * The graph is built with the TypeScript compiler's own parser and module resolution (the
 * project's tsconfig, so `#server/…` subpath imports resolve exactly as tsc resolves them).
 * Type-only imports are erased at build time and do not count; `import()` loads later, once
 * both modules have run, and does not count either.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const config: unknown = read.config;
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => /\.tsx?$/.test(rel) && !rel.endsWith('.d.ts') && !/\.test\.tsx?$/.test(rel))
    .map((rel) => path.join(dir, rel));
}

/** The specifiers a module needs at load time: value imports and re-exports. */
export function loadTimeImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (statement.isTypeOnly) continue;
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/** Cycles (strongly connected components with more than one module, or a self-import). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  // Tarjan's algorithm, iterative so a deep import chain cannot overflow the stack.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next]!;
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfImport = edges.includes(frame.node);
        if (component.length > 1 || selfImport) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle when there is one, and none in a chain', () => {
    const chain = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', []],
    ]);
    expect(findCycles(chain)).toEqual([]);
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
    ]);
    expect(findCycles(loop)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('counts value imports and re-exports, not type-only imports', () => {
    const text = [
      "import type { A } from './a';",
      "import { b } from './b';",
      "import './c';",
      "export { d } from './d';",
      "export type { E } from './e';",
      "const f = () => import('./f');",
    ].join('\n');
    expect(loadTimeImports('x.ts', text)).toEqual(['./b', './c', './d']);
  });

  it('src/ has none', { timeout: 60_000 }, () => {
    const options = compilerOptions();
    const host = ts.createCompilerHost(options);
    const cache = ts.createModuleResolutionCache(ROOT, (name) => name, options);
    const files = sourceFiles(path.join(ROOT, 'src'));
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const edges: string[] = [];
      for (const specifier of loadTimeImports(file, fs.readFileSync(file, 'utf8'))) {
        const resolved = ts.resolveModuleName(specifier, file, options, host, cache).resolvedModule;
        if (resolved && !resolved.isExternalLibraryImport) {
          edges.push(path.relative(ROOT, resolved.resolvedFileName));
        }
      }
      graph.set(path.relative(ROOT, file), edges);
    }
    expect(graph.size).toBeGreaterThan(300);
    // Every alias resolves: a module with no edges at all would hide a broken resolution.
    const withEdges = [...graph.values()].filter((edges) => edges.length > 0).length;
    expect(withEdges).toBeGreaterThan(graph.size / 2);
    expect(findCycles(graph), 'modules that import each other in a circle').toEqual([]);
  });
});
