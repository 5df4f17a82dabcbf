/**
 * SQLite for the pages, loaded only when a database file is chosen: sql.js's WebAssembly build,
 * its .wasm shipped in the extension (no remote code), compiled under the CSP's
 * `'wasm-unsafe-eval'`.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

export function loadSqlite(): Promise<SqlJsStatic> {
  return initSqlJs({ locateFile: () => wasmUrl });
}
