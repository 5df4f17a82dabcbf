/** The browser tests run against the extension as built: build it once before them. */
import { resolve } from 'node:path';
import { build } from 'vite';

export default async function buildExtension(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
}
