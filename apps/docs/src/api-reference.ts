/**
 * The API reference: TypeDoc reads the TSDoc of every published package's
 * entry point (`packages/<name>/src/index.ts`, found at build time, nothing
 * listed by hand) and typedoc-plugin-markdown writes one Markdown page per
 * function, class, interface and type into `pages/api/`, with the sidebar
 * (`typedoc-sidebar.json`) that VitePress shows.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { Application, ReflectionKind, type CommentDisplayPart, type ProjectReflection, type TypeDocOptions } from 'typedoc';
import type { PluginOptions } from 'typedoc-plugin-markdown';

const root = new URL('../../../', import.meta.url);
const here = new URL('../', import.meta.url);

interface PublishedPackage {
  /** The package's name (`@iolib/sockets`). */
  readonly name: string;
  /** Absolute path of its folder, with a trailing slash. */
  readonly dir: string;
  /** Absolute path of `src/index.ts`. */
  readonly entryPoint: string;
}

/**
 * The published packages (every `packages/*` whose package.json is not private),
 * each after the packages it depends on, so a declaration belongs to the package
 * that declares it and the umbrella, last, only re-exports.
 */
export async function publishedPackages(): Promise<PublishedPackage[]> {
  const all = new Map<string, PublishedPackage & { readonly deps: string[] }>();
  for (const dir of (await readdir(new URL('packages/', root))).sort()) {
    const at = new URL(`packages/${dir}/`, root);
    const manifest = JSON.parse(await readFile(new URL('package.json', at), 'utf8')) as {
      name: string;
      private?: boolean;
      dependencies?: Record<string, string>;
    };
    if (manifest.private === true) continue;
    const entry = {
      name: manifest.name,
      dir: at.pathname,
      entryPoint: new URL('src/index.ts', at).pathname,
      deps: Object.keys(manifest.dependencies ?? {}),
    };
    all.set(manifest.name, entry);
  }
  const ordered: PublishedPackage[] = [];
  const visited = new Set<string>(); // also ends a dependency cycle, should one appear
  const visit = (name: string): void => {
    const p = all.get(name);
    if (p === undefined || visited.has(name)) return;
    visited.add(name);
    p.deps.forEach(visit);
    ordered.push({ name: p.name, dir: p.dir, entryPoint: p.entryPoint });
  };
  [...all.keys()].forEach(visit);
  return ordered;
}

/** Write the API reference into `pages/api/`; rejects when TypeDoc reports an error. */
export async function buildApiReference(): Promise<void> {
  const packages = await publishedPackages();
  const out = new URL('pages/api/', here).pathname;
  await rm(out, { recursive: true, force: true });
  const options: Partial<TypeDocOptions & PluginOptions> & { docsRoot: string; sidebar: object } = {
    entryPoints: packages.map((p) => p.entryPoint),
    entryPointStrategy: 'resolve',
    tsconfig: new URL('tsconfig.typedoc.json', here).pathname,
    plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
    out,
    docsRoot: new URL('pages/', here).pathname,
    sidebar: { autoConfiguration: true, format: 'vitepress', pretty: false, collapsed: true },
    readme: 'none',
    router: 'member',
    membersWithOwnFile: ['Class', 'Interface', 'Function', 'TypeAlias', 'Enum'],
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    hideGenerator: true,
    hideBreadcrumbs: true,
    useCodeBlocks: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    classPropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    indexFormat: 'table',
    sanitizeComments: true,
    preservedTypeAnnotationTags: ['@throws'],
    logLevel: 'Warn',
  };
  const app = await Application.bootstrapWithPlugins(options);
  const project = await app.convert();
  if (project === undefined || app.logger.hasErrors())
    throw new Error('docs: TypeDoc could not convert the packages (see the errors above)');
  // Modules are named by path (`sockets/src`); name them as users import them.
  for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
    const file = module.sources?.[0]?.fullFileName ?? '';
    const owner = packages.find((p) => file.startsWith(p.dir));
    if (owner === undefined) throw new Error(`docs: module ${module.name} (${file}) is in no published package`);
    module.name = owner.name;
  }
  showThrownTypes(project);
  await app.generateOutputs(project);
  // A package that only re-exports (the umbrella) would list every name a second
  // time in the search results, above the page that documents it.
  for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
    if (module.children?.every((child) => child.kindOf(ReflectionKind.Reference)) !== true) continue;
    const page = new URL(`pages/api/${module.name}/index.md`, here);
    await writeFile(page, `---\nsearch: false\n---\n\n${await readFile(page, 'utf8')}`);
  }
}

/**
 * TypeDoc keeps the `{Type}` of `@throws {Type} when …` aside (with
 * `preservedTypeAnnotationTags`) and the Markdown theme does not print it: put it
 * back at the start of the text, linked when the type is one of ours.
 */
function showThrownTypes(project: ProjectReflection): void {
  const classes = new Map(project.getReflectionsByKind(ReflectionKind.Class).map((c) => [c.name, c]));
  for (const reflection of Object.values(project.reflections)) {
    for (const tag of reflection.comment?.blockTags ?? []) {
      if (tag.tag !== '@throws' || tag.typeAnnotation === undefined) continue;
      const names = tag.typeAnnotation
        .replace(/^\{|\}$/g, '')
        .split('|')
        .map((n) => n.trim());
      const parts: CommentDisplayPart[] = [];
      names.forEach((name, i) => {
        if (i > 0) parts.push({ kind: 'text', text: ' or ' });
        const target = classes.get(name);
        parts.push(target === undefined ? { kind: 'code', text: `\`${name}\`` } : { kind: 'inline-tag', tag: '@link', text: name, target });
      });
      tag.content = [...parts, { kind: 'text', text: ' ' }, ...tag.content];
      delete tag.typeAnnotation;
    }
  }
}
