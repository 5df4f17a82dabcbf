/**
 * What the pure core sees in place of the extension API and of the browser's storage
 * (tsconfig.core.json maps `webextension-polyfill` and `idb` here): nothing, so that any use of
 * either in `src/episode`, `src/journal` or the stored records fails to compile.
 */
export {};
