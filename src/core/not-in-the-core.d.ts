/**
 * What the pure core sees in place of the extension API and of the browser's storage
 * (tsconfig.core.json maps `webextension-polyfill` and `idb` here): nothing, so that any use of
 * either anywhere in `src/core` fails to compile.
 */
export {};
