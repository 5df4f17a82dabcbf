import { useMemo } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Episode, OutlineNode } from '../src/core/episode/model';
import { sendToTab } from '../src/messages';
import { plural, t } from '../src/ui/i18n';
import { linkCountsBySection } from '../src/ui/linkFilter';
import { reportError } from '../src/errors';

function OutlineEntries({ nodes, counts, goTo }: { nodes: OutlineNode[]; counts: Map<string, number>; goTo: (id: string) => void }) {
  return (
    <ul>
      {nodes.map((node) => {
        const count = counts.get(node.id) ?? 0;
        return (
          <li key={node.id}>
            <button type="button" class="outline-entry" onClick={() => goTo(node.id)}>
              <span class="outline-title">{node.title}</span>
              {count > 0 && <span class="count">{plural({ one: 'linkCountOne', other: 'linkCountOther' }, count)}</span>}
            </button>
            {node.children.length > 0 && <OutlineEntries nodes={node.children} counts={counts} goTo={goTo} />}
          </li>
        );
      })}
    </ul>
  );
}

export function Outline({ episode, tabId }: { episode: Episode; tabId: number }) {
  const counts = useMemo(() => linkCountsBySection(episode.outline, episode.links), [episode]);
  if (episode.outline.length === 0) return null;
  // Without the content script (a tab opened before the extension was installed), the page's
  // own anchor does the scrolling.
  const goTo = (sectionId: string) => {
    sendToTab(browser.tabs, tabId, { type: 'page/scroll-to', sectionId }).catch((error: unknown) => {
      reportError('scrolling the page', error);
      return browser.tabs.update(tabId, { url: `${episode.url}#${encodeURIComponent(sectionId)}` });
    });
  };
  return (
    <nav class="outline" aria-labelledby="outline-heading">
      {/* elementtiming marks the first paint of the episode's outline, which `npm run bench` reads. */}
      <h2 id="outline-heading" elementtiming="popup-outline">
        {t('outlineHeading')}
      </h2>
      <OutlineEntries nodes={episode.outline} counts={counts} goTo={goTo} />
    </nav>
  );
}
