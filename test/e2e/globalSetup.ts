/** The browser tests run against the extension as built: build both browsers' versions first. */
import { resolve } from 'node:path';
import { build } from 'vite';

export default async function buildExtension(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  for (const mode of ['production', 'firefox']) {
    await build({ root, configFile: resolve(root, 'vite.config.ts'), mode, logLevel: 'warn' });
  }
}
