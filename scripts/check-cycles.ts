/**
 * `npm run check:cycles`: no import cycles in lib/, components/ and entrypoints/ (.ts and
 * .tsx), and the layer rules of the map in README.md ("Layout"; from the architecture
 * review, ../shared/research/architecture-review.md §1.3, §5 and §6): lib/ never imports
 * components/, components/ never imports lib/background/, each lib/ room imports only the
 * rooms below it, and content-script code pulls in neither the library nor zod, Dexie or
 * Chart.js. It prints a summary and exits 1 on any finding.
 *
 * Type-only imports count. A type is still a dependency of the design: the protocol that
 * takes `PopupState` from lib/background/popup.ts cannot be read or changed without that
 * implementation file, even though the import is erased at build time. Lazy `import()`
 * counts too. The issue's bar is "zero import cycles", without exceptions. Each cycle is
 * still labelled "type-only" or "runtime", so a reader can tell which loops could break
 * the bundle's load order.
 *
 * The `@/` alias (and WXT's `~`, `@@`, `~~`) comes from `paths` in .wxt/tsconfig.json
 * (written by `wxt prepare`). Those paths are relative to .wxt/, and dependency-cruiser's
 * tsconfig plugin resolves them against the working directory instead. So they are passed
 * here as plain aliases. An import inside the project that still does not resolve is a
 * finding too: otherwise a broken alias would silently drop edges and the check would pass.
 */
import { cruise, type ICruiseOptions, type IForbiddenRuleType, type IReporterOutput } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOMS = ['lib', 'components', 'entrypoints'];

const RULES = [
  { name: 'no-circular', comment: 'an import cycle', from: {}, to: { circular: true } },
  { name: 'lib-not-components', comment: 'lib/ imports components/', from: { path: '^lib/' }, to: { path: '^components/' } },
  { name: 'components-not-lib-background', comment: 'components/ imports lib/background/', from: { path: '^components/' }, to: { path: '^lib/background/' } },
  // The rest of the map in README.md ("Layout"): each room imports only the rooms below it.
  { name: 'sites-low', comment: 'lib/sites/ imports a room above it', from: { path: '^lib/sites/' }, to: { path: '^lib/(db|background|protocol|library|campaigns|dashboard|schema|view|overlay|content-script)' } },
  { name: 'schema-low', comment: 'lib/schema/ imports a room above it', from: { path: '^lib/schema/' }, to: { path: '^lib/(db|background|protocol|library|campaigns|dashboard|view|overlay|content-script)' } },
  { name: 'protocol-low', comment: 'lib/protocol/ imports an implementation', from: { path: '^lib/protocol/' }, to: { path: '^lib/(db|background|library|campaigns|dashboard|view|overlay|content-script)' } },
  { name: 'db-below-services', comment: 'lib/db/ imports a service or the protocol', from: { path: '^lib/db/' }, to: { path: '^lib/(background|protocol|library|campaigns|dashboard|view|overlay|content-script)' } },
  {
    name: 'content-scripts-light', comment: 'content-script code imports the library, the background, zod, Dexie or Chart.js (they belong to the background and extension pages)',
    from: { path: '^(lib/content-script|lib/sites/|lib/overlay/|lib/capture/|components/overlay/|entrypoints/[a-z-]+\\.content)' },
    // `(^|/)node_modules`: in a worktree whose node_modules links to another checkout's, packages resolve to ../../<checkout>/node_modules/….
    to: { path: '^lib/(db|background|library|campaigns)/|(^|/)node_modules/(zod|dexie|chart\\.js)/', dependencyTypesNot: ['type-only'] },
  },
  {
    // Issue 13: the capture's page-world script stands alone (it runs in the page's world, ≤ 5 KB).
    name: 'page-world-alone', comment: "the page-world capture imports more than its own config and the platforms' hosts",
    from: { path: '^(lib/capture/page-(world|sites)\\.ts|entrypoints/[a-z]+-capture\\.content\\.ts)$' },
    to: { pathNot: '^(lib/capture/page-(world|sites)\\.ts|lib/sites/platforms\\.ts|wxt/)|(^|/)node_modules/wxt/', dependencyTypesNot: ['type-only'] },
  },
] as const;

/** `{"@/*": ["../*"]}` (relative to .wxt/) → `{"@": "<root>"}` for enhanced-resolve. */
function aliasesFromTsconfig(file: string): Record<string, string> {
  const parsed = extractTSConfig(file);
  const base = (parsed.options as { pathsBasePath?: string }).pathsBasePath ?? dirname(file);
  const alias: Record<string, string> = {};
  for (const [key, [target]] of Object.entries(parsed.options.paths ?? {})) {
    if (!target) continue;
    if (key.endsWith('/*') && target.endsWith('/*')) alias[key.slice(0, -2)] = resolve(base, target.slice(0, -2));
    else if (!key.includes('*')) alias[key] = resolve(base, target);
  }
  return alias;
}

interface Dep {
  resolved: string;
  module: string;
  circular: boolean;
  couldNotResolve: boolean;
  dependencyTypes: string[];
}
interface Mod {
  source: string;
  coreModule?: boolean;
  couldNotResolve?: boolean;
  dependencies: Dep[];
}
interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string; dependencyTypes: string[] }[];
}

async function main(): Promise<number> {
  process.chdir(ROOT);
  const options: ICruiseOptions = {
    validate: true,
    ruleSet: { forbidden: RULES.map((r) => ({ ...r, severity: 'error' as const }) as IForbiddenRuleType) },
    // No includeOnly: it would also drop the edges that do not resolve, hiding a broken alias.
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    outputType: 'json',
  };
  const tsConfig = extractTSConfig(resolve(ROOT, 'tsconfig.json'));
  const alias = aliasesFromTsconfig(resolve(ROOT, '.wxt/tsconfig.json'));
  const result: IReporterOutput = await cruise(
    ROOMS,
    options,
    { alias, extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
    { tsConfig },
  );
  const out = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  // The project's own files; packages appear as leaves and are left out of the graph.
  const modules = (out.modules as Mod[]).filter((m) => !m.source.includes('node_modules/') && !m.coreModule && !m.couldNotResolve);
  const violations = out.summary.violations as Violation[];

  // A relative or aliased import that does not resolve (packages that do not resolve are left to tsc).
  const ours = (spec: string) => spec.startsWith('.') || Object.keys(alias).some((a) => spec === a || spec.startsWith(`${a}/`));
  const unresolved = modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && ours(d.module)).map((d) => `${m.source} → ${d.module}`));

  // Cycles: one entry per distinct loop (dependency-cruiser reports each loop once per file in it).
  const cycles = new Map<string, { path: string[]; typeOnly: boolean }>();
  for (const v of violations.filter((x) => x.rule.name === 'no-circular')) {
    const path = [v.from, ...(v.cycle ?? []).map((c) => c.name)].slice(0, -1); // the cycle ends where it starts
    const steps = v.cycle ?? [];
    const start = path.indexOf([...path].sort()[0]!);
    const canonical = [...path.slice(start), ...path.slice(0, start)];
    // Each step carries the types of the import into it; one erased import breaks the loop at run time.
    const typeOnly = steps.some((s) => s.dependencyTypes.includes('type-only'));
    cycles.set(canonical.join(' → '), { path: canonical, typeOnly });
  }
  // Groups of files that reach each other (strongly connected components): the loops to untangle.
  const groups = stronglyConnected(modules);

  const layer = violations.filter((v) => v.rule.name !== 'no-circular');
  const edgeTypes = (from: string, to: string) => modules.find((m) => m.source === from)?.dependencies.find((d) => d.resolved === to)?.dependencyTypes ?? [];

  const lines: string[] = [];
  const local = (d: Dep) => modules.some((m) => m.source === d.resolved);
  const imports = modules.reduce((n, m) => n + m.dependencies.filter(local).length, 0);
  lines.push(`Import check of ${ROOMS.map((r) => `${r}/`).join(', ')}: ${modules.length} project files, ${imports} imports between them (type-only imports count).`);
  if (unresolved.length) {
    lines.push(``, `✗ ${unresolved.length} project import(s) that do not resolve (is .wxt/ there? run \`wxt prepare\`):`);
    for (const u of unresolved) lines.push(`  ${u}`);
  }
  if (groups.length) {
    lines.push(``, `✗ ${groups.length} import loop(s): groups of files that import each other:`);
    for (const g of groups) lines.push(`  • ${g.length} files: ${g.join(', ')}`);
    lines.push(``, `✗ ${cycles.size} import cycle(s):`);
    for (const [, c] of [...cycles].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  • [${c.typeOnly ? 'type-only: erased at build' : 'runtime'}] ${[...c.path, c.path[0]].join(' → ')}`);
  } else {
    lines.push(`✓ no import cycles`);
  }
  for (const rule of RULES.slice(1)) {
    const found = layer.filter((v) => v.rule.name === rule.name);
    if (!found.length) {
      lines.push(`✓ ${rule.name}: none`);
      continue;
    }
    lines.push(``, `✗ ${rule.name} (${rule.comment}): ${found.length}`);
    for (const v of found) lines.push(`  • ${v.from} → ${v.to}${edgeTypes(v.from, v.to).includes('type-only') ? ' [type-only]' : ''}`);
  }
  const failed = unresolved.length + groups.length + layer.length;
  lines.push(``, failed ? `check:cycles failed: ${cycles.size} cycle(s) in ${groups.length} loop(s), ${layer.length} layer violation(s), ${unresolved.length} unresolved.` : `check:cycles passed.`);
  console.log(lines.join('\n'));
  return failed ? 1 : 0;
}

/** Tarjan's algorithm over the project's own imports; only groups of two or more files (or a file importing itself). */
function stronglyConnected(modules: Mod[]): string[][] {
  const edges = new Map(modules.map((m) => [m.source, m.dependencies.filter((d) => !d.couldNotResolve).map((d) => d.resolved)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || edges.get(v)!.includes(v)) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('check:cycles could not run:', error);
    process.exit(2);
  },
);
