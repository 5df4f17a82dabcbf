import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import manifest from './manifest.json' with { type: 'json' };

/**
 * `vite build` writes the Chrome extension to dist/; `vite build --mode firefox` writes the
 * Firefox one to dist/firefox (background as an event page, Gecko settings).
 */
const GECKO = {
  id: 'lcc-companion@listeners.lescastcodeurs',
  // 142: the first Firefox (desktop and Android) that reads data_collection_permissions.
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'] },
};

function firefoxManifest(): ManifestV3Export {
  const { background, permissions, ...rest } = manifest;
  return {
    ...rest,
    // The event page has DOMParser: Firefox needs no offscreen document (and has no such API).
    permissions: permissions.filter((permission) => permission !== 'offscreen'),
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: GECKO.strict_min_version } },
  } as unknown as ManifestV3Export;
}

/**
 * We never draw HTML strings (page and note content become elements), so Preact's only
 * `innerHTML` write, the `dangerouslySetInnerHTML` path, is cut out of the build: any use now
 * throws, and the Firefox linter finds no HTML assignment. A Preact that no longer has the
 * expected code fails the build rather than shipping the path again.
 */
function withoutPreactInnerHtml(): Plugin {
  const ASSIGNMENT = /\((\w+)\.innerHTML=(\w+)\.__html\)/;
  return {
    name: 'lcc:without-preact-inner-html',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      if (!ASSIGNMENT.test(code)) this.error('Preact changed: update withoutPreactInnerHtml in vite.config.ts');
      return code.replace(ASSIGNMENT, '(()=>{throw new Error("dangerouslySetInnerHTML is not allowed")})()');
    },
  };
}

/**
 * webextension-polyfill ships as UMD only. Bundled as CommonJS, every chunk that imports it
 * copied each property of the browser's API object onto a namespace object (rolldown's
 * `__toESM`), and reading their descriptors makes Chrome build every API binding the context
 * has: a quarter of the journal's module evaluation (traced, it fell from 3.1 to 1.9 ms without),
 * in every page and at every wake of the background. Wrapped as an ES module, its export is taken
 * as it is. A polyfill no longer written as this UMD fails the build rather than being wrapped.
 */
function polyfillAsModule(): Plugin {
  const POLYFILL = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
  // Its CommonJS branch, which the wrapper's `exports` makes it take.
  const UMD = /else if \(typeof exports !== "undefined"\) \{\s*factory\(module\);/;
  return {
    name: 'lcc:polyfill-as-module',
    transform(code, id) {
      if (!POLYFILL.test(id)) return null;
      if (!UMD.test(code)) this.error('webextension-polyfill changed: update polyfillAsModule in vite.config.ts');
      return `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`;
    },
  };
}

/**
 * The page reader is built on its own for `scripting.executeScript` (the popup injects it into
 * an episode's tab). crxjs makes such a script web-accessible to every site, for content scripts
 * that inject it themselves, and ships the ES module it bundles it from; only the extension
 * injects this one, so neither goes in the build.
 */
function pageReaderInjectedOnly(): CrxPlugin {
  const BUILT = 'src/content/pageReader.js';
  return {
    name: 'lcc:page-reader-injected-only',
    enforce: 'post',
    renderCrxManifest(manifest, bundle) {
      const unused = Object.values(bundle).filter(
        (file) => file.type === 'chunk' && file.facadeModuleId?.endsWith('/src/content/pageReader.ts'),
      );
      for (const chunk of unused) delete bundle[chunk.fileName];
      const resources = (manifest.web_accessible_resources ?? []).flatMap((entry) => {
        const kept = entry.resources.filter((resource) => resource !== BUILT);
        return kept.length > 0 ? [{ ...entry, resources: kept }] : [];
      });
      if (resources.length > 0) manifest.web_accessible_resources = resources;
      else delete manifest.web_accessible_resources;
      return manifest;
    },
  };
}

interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[]; dynamicImporters: readonly string[] } | null;
}

/** The entries (pages, background, offscreen document) that load `id`, through static imports or also lazy ones. */
function entriesLoading(id: string, graph: ModuleGraph, lazily: boolean): Set<string> {
  const seen = new Set<string>();
  const entries = new Set<string>();
  const walk = (module: string) => {
    if (seen.has(module)) return;
    seen.add(module);
    const info = graph.getModuleInfo(module);
    if (!info) return;
    if (info.isEntry) entries.add(module);
    for (const importer of info.importers) walk(importer);
    if (lazily) for (const importer of info.dynamicImporters) walk(importer);
  };
  walk(id);
  return entries;
}

/**
 * Fewer files before the popup's and the journal's first frame. Split by which entries and lazy
 * views share each module, the popup loaded 10 scripts and the journal 8, and each one is a round
 * trip through the extension's loader before the page can run (the last came 10 ms after the
 * first). Grouped by page, each loads 4: what it shares with the background (which loads no UI
 * code; the journal's log rules apart, so that the popup does not load them), what the two pages
 * share, what only it needs that a lazy view needs too, and its own entry. A group takes the
 * modules it imports along, so the wider ones are formed first. Fewer still gained nothing
 * measurable: the journal in 3 files, or in one, painted its catalogue as soon as in these.
 */
function chunksByPage() {
  const POPUP = resolve(import.meta.dirname, 'popup/index.html');
  const JOURNAL = resolve(import.meta.dirname, 'options/index.html');
  const chunkOf = (id: string, graph: ModuleGraph): string | null => {
    if (graph.getModuleInfo(id)?.isEntry !== false) return null;
    const entries = entriesLoading(id, graph, false);
    const pages = Number(entries.has(POPUP)) + Number(entries.has(JOURNAL));
    if (pages === 0) return null;
    // What the background shares with the journal alone (its log rules) stays out of the popup's files.
    if (entries.size > pages) return entries.has(POPUP) ? 'shared' : 'journal-shared';
    if (pages === 2) return 'ui';
    // Only its page loads it, lazily or not: it stays in the page's own file.
    if (graph.getModuleInfo(id)?.dynamicImporters.length === 0 && entriesLoading(id, graph, true).size === 1) return null;
    return entries.has(POPUP) ? 'popup-page' : 'journal-page';
  };
  const group = (name: string, priority: number) => ({
    debugName: name,
    name: (id: string, graph: ModuleGraph) => (chunkOf(id, graph) === name ? name : null),
    priority,
  });
  return [group('shared', 3), group('journal-shared', 3), group('ui', 2), group('popup-page', 1), group('journal-page', 1)];
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      withoutPreactInnerHtml(),
      polyfillAsModule(),
      preact(),
      crx({
        manifest: firefox ? firefoxManifest() : manifest,
        browser: firefox ? 'firefox' : 'chrome',
        // The content script runs on every page of the site: one small file, no loader.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
      pageReaderInjectedOnly(),
    ],
    build: {
      // Chrome's offscreen document, where the feed is parsed (Firefox parses it in its event page).
      rollupOptions: {
        ...(firefox ? {} : { input: { offscreen: 'offscreen/index.html' } }),
        output: { codeSplitting: { groups: chunksByPage() } },
      },
      outDir: firefox ? 'dist/firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Both browsers preload modules natively: no polyfill in the lazy views' path.
      modulePreload: { polyfill: false },
    },
  };
});
