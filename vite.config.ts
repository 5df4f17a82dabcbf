import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      withoutPreactInnerHtml(),
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
      rollupOptions: firefox ? {} : { input: { offscreen: 'offscreen/index.html' } },
      outDir: firefox ? 'dist/firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Both browsers preload modules natively: no polyfill in the lazy views' path.
      modulePreload: { polyfill: false },
    },
  };
});
