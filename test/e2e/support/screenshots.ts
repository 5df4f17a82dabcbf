/**
 * Where the browser tests write their screenshots: `test-results/screenshots`, which git ignores,
 * so that `npm test` leaves the work tree as it was; `npm run screenshots` sets
 * LCC_SCREENSHOTS=docs to redraw the README's, in `docs/screenshots`.
 */
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export const SCREENSHOTS = resolve(ROOT, process.env['LCC_SCREENSHOTS'] === 'docs' ? 'docs/screenshots' : 'test-results/screenshots');
