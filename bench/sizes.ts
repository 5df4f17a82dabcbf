/** Gzip sizes of what each context of the built extension loads (dist/ must be built). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../test/e2e/support/browser';

function gzipKb(files: string[]): string {
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0);
  return `${(bytes / 1024).toFixed(1)} KB`;
}

const EAGER = /(?:src|href)="\/?([^"]+\.(?:js|css))"|from\s*"\.?\.?\/?([^"]+\.js)"|import\s*"\.?\.?\/?([^"]+\.js)"/g;
/** And the modules a page loads when it needs them: `import(`./chunk.js`)`. */
const EAGER_AND_LAZY = new RegExp(`${EAGER.source}|import\\(\\s*[\`"]\\.?\\.?\\/?([^\`"]+\\.js)[\`"]`, 'g');

/** The scripts and styles an HTML page of the build loads (with `lazy`, also those it may load later), its imports followed. */
function assetsOfPage(page: string, lazy = false): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(DIST, file), 'utf8');
    for (const match of text.matchAll(lazy ? EAGER_AND_LAZY : EAGER)) {
      const target = match[1] ?? match[2] ?? match[3] ?? match[4]!;
      visit(target.startsWith('assets/') ? target : join('assets', target.replace(/^.*\//, '')));
    }
  };
  visit(page);
  seen.delete(page);
  return [...seen];
}

export function benchSizes(): string[] {
  return [
    `content script, gzip: ${gzipKb(['src/content/index.js'])}`,
    `page reader (injected only when the popup has no copy), gzip: ${gzipKb(['src/content/pageReader.js'])}`,
    `popup scripts and styles, gzip: ${gzipKb(assetsOfPage('popup/index.html'))}`,
    `popup with everything it loads, gzip: ${gzipKb(assetsOfPage('popup/index.html', true))}`,
    `options page scripts and styles, gzip: ${gzipKb(assetsOfPage('options/index.html'))}`,
  ];
}
