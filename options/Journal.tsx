import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/ui/i18n';
import { useLazyModule } from '../src/ui/useLazyModule';
import { UnreadableRecords } from './UnreadableRecords';
import { refreshArchiveNow } from './useArchive';
import { useJournal } from './useJournal';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import { syncWithAppsAfterPaint } from '../src/ui/syncWithApps';
import { PlayerBar } from '../src/ui/player/PlayerBar';
import { ToastRegion } from '../src/ui/Toast';
import { usePlayer } from '../src/ui/player/usePlayer';
import { VIEWS, viewOfHash, type ViewComponent, type ViewDefinition, type ViewName } from './views';
import { DestinationTabs, JournalHeader } from './JournalHeader';

/** A view loaded when first shown: it says so while it loads, and offers to try again if it fails. */
function LoadedView<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const lazy = useLazyModule(load);
  if (lazy.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (lazy.kind === 'failed') {
    return (
      <p role="alert">
        {t('viewLoadFailed')}{' '}
        <button type="button" onClick={lazy.retry}>
          {t('retry')}
        </button>
      </p>
    );
  }
  const View = lazy.module;
  return <View {...props} />;
}

function Shown<P extends object>({ show, props }: { show: ViewComponent<P>; props: P }) {
  if ('component' in show) {
    const View = show.component;
    return <View {...props} />;
  }
  return <LoadedView load={show.load} props={props} />;
}

export function Journal() {
  const [name, setName] = useState<ViewName>(() => viewOfHash(location.hash));
  const journal = useJournal();
  const player = usePlayer();
  // Opening the journal, on whichever view, checks the archive (most times a 304), once the
  // page is painted.
  useEffect(() => afterNextPaint(refreshArchiveNow), []);
  useEffect(syncWithAppsAfterPaint, []);
  useEffect(() => {
    const follow = () => setName(viewOfHash(location.hash));
    window.addEventListener('hashchange', follow);
    // The first frame is drawn before this effect runs: an address changed in between is followed too.
    follow();
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const view: ViewDefinition = VIEWS[name];
  return (
    <>
      <JournalHeader view={name} />
      <main id="view" aria-labelledby="view-title">
        <DestinationTabs view={name} />
        <h2 id="view-title">{t(view.label)}</h2>
        {journal.kind === 'failed' && <p role="alert">{t('storageUnavailable')}</p>}
        {view.drawsEntries ? (
          <>
            {journal.kind === 'ready' && journal.unreadable > 0 && <UnreadableRecords count={journal.unreadable} />}
            {journal.kind === 'loading' && <p role="status">{t('loading')}</p>}
            {journal.kind === 'ready' && <Shown key={name} show={view.show} props={{ entries: journal.entries, player }} />}
          </>
        ) : (
          <Shown key={name} show={view.show} props={{ player }} />
        )}
      </main>
      {/* Fixed at the bottom of the window, as in a podcast app: it never scrolls away. */}
      <div class="dock">
        <ToastRegion />
        <PlayerBar player={player} />
      </div>
    </>
  );
}
