import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { afterNextPaint } from '../src/ui/afterNextPaint';
import type { Episode } from '../src/core/episode/model';
import { t } from '../src/ui/i18n';
import { PlayerBar } from '../src/ui/player/PlayerBar';
import { usePlayer, type PlayerHandle } from '../src/ui/player/usePlayer';
import { ConferenceTable } from './ConferenceTable';
import { EpisodeHeader } from './EpisodeHeader';
import { LinkList } from './LinkList';
import { listedLinks } from '../src/ui/linkFilter';
import { ListeningActions } from './ListeningActions';
import { NotAnEpisode } from './NotAnEpisode';
import { openJournal } from './openLink';
import { Outline } from './Outline';
import { SourceNote } from './SourceNote';
import { useActiveEpisode, type ActiveEpisode as ActiveState } from './useActiveEpisode';
import { useListeningState, type ListeningHandle } from '../src/ui/useListeningState';

function JournalButton() {
  return (
    <button type="button" class="link-button" onClick={openJournal}>
      {t('openJournal')}
    </button>
  );
}

export function App() {
  const player = usePlayer();
  return (
    <>
      <PlayerBar player={player} />
      <ActiveEpisode player={player} />
    </>
  );
}

type PopupTab = 'episode' | 'links' | 'conferences';
/** The tab chosen last, kept for the next popup: a listener who reads the links finds them first. */
const TAB_KEY = 'lcc-popup-tab';

function readTab(): PopupTab {
  const kept = localStorage.getItem(TAB_KEY);
  return kept === 'links' || kept === 'conferences' ? kept : 'episode';
}

/**
 * What the popup shows of an episode below its header, in three tabs: the episode (the
 * listener's actions and the outline), its links, its conferences. Every panel is drawn, the
 * others hidden: a tab opens at once, and the filter keeps what was typed. Nothing here hangs on
 * the player.
 */
function EpisodeNotes({ episode, tabId, listening }: { episode: Episode; tabId: number; listening: ListeningHandle }) {
  const [chosen, setChosen] = useState<PopupTab>(readTab);
  const choose = useCallback((tab: PopupTab) => {
    setChosen(tab);
    localStorage.setItem(TAB_KEY, tab);
  }, []);
  const revealLinks = useCallback(() => choose('links'), [choose]);
  const linkCount = useMemo(() => listedLinks(episode).length, [episode]);
  const tabs: { id: PopupTab; label: string; count?: number }[] = [
    { id: 'episode', label: t('popupTabEpisode') },
    { id: 'links', label: t('popupTabLinks'), count: linkCount },
    ...(episode.conferences.length > 0
      ? [{ id: 'conferences' as const, label: t('viewConferences'), count: episode.conferences.length }]
      : []),
  ];
  const shown = tabs.some((tab) => tab.id === chosen) ? chosen : 'episode';
  // The arrow keys move between the tabs, as in every tab list (WAI-ARIA's pattern).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const at = tabs.findIndex((tab) => tab.id === shown);
    const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    choose(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  const panel = (id: PopupTab) => ({ id: `panel-${id}`, role: 'tabpanel' as const, 'aria-labelledby': `tab-${id}`, hidden: shown !== id });
  // The hidden panels are drawn once the first frame is painted: it holds the tab in view sooner.
  const [drawnAll, setDrawnAll] = useState(false);
  useEffect(() => afterNextPaint(() => setDrawnAll(true)), []);
  const drawn = (id: PopupTab) => drawnAll || shown === id;
  return (
    <>
      <div class="popup-tabs" role="tablist" aria-label={t('popupTabs')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={shown === tab.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={shown === tab.id ? 0 : -1}
            onClick={() => choose(tab.id)}
          >
            {tab.label}
            {tab.count !== undefined && <span class="count">{tab.count}</span>}
          </button>
        ))}
      </div>
      <div {...panel('episode')}>
        {drawn('episode') && (
          <>
            <ListeningActions episode={episode} listening={listening} />
            <Outline episode={episode} tabId={tabId} />
          </>
        )}
      </div>
      <div {...panel('links')}>{drawn('links') && <LinkList episode={episode} reveal={revealLinks} />}</div>
      {episode.conferences.length > 0 && (
        <div {...panel('conferences')}>{drawn('conferences') && <ConferenceTable conferences={episode.conferences} />}</div>
      )}
    </>
  );
}

type ShownEpisode = Extract<ActiveState, { kind: 'episode' }>;

/**
 * The episode, its header and its notes, sharing one listening state: ✓ and ★ in the header,
 * the day heard, the rating and the note in the episode's tab.
 */
function EpisodeView({ shown, player }: { shown: ShownEpisode; player: PlayerHandle }) {
  const listening = useListeningState(shown.episode, shown.own.listening);
  const { state, update, failure } = listening;
  // The same element for the same episode and state, which Preact does not draw again: the
  // player's state, which comes in as the popup opens, then redraws the header and the bar alone.
  const notes = useMemo(
    () => <EpisodeNotes episode={shown.episode} tabId={shown.tabId} listening={{ state, update, failure }} />,
    [shown.episode, shown.tabId, state, update, failure],
  );
  return (
    <main class="episode" aria-busy={shown.check.kind === 'checking'}>
      <EpisodeHeader episode={shown.episode} own={shown.own} player={player} listening={listening} />
      {notes}
      <footer class="popup-footer">
        <SourceNote origin={shown.origin} check={shown.check} />
        <JournalButton />
      </footer>
    </main>
  );
}

function ActiveEpisode({ player }: { player: PlayerHandle }) {
  const active = useActiveEpisode();
  switch (active.kind) {
    case 'loading':
      return (
        <p class="status loading" role="status">
          {t('loading')}
        </p>
      );
    case 'not-episode':
      return <NotAnEpisode />;
    case 'failed':
      return (
        <p class="status" role="alert">
          {t('episodeFailed')}
        </p>
      );
    case 'episode':
      // Drawn afresh, listening state and all, once the records drawn from the popup's copy proved out of date.
      return <EpisodeView key={active.redrawn} shown={active} player={player} />;
  }
}
