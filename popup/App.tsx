import { useMemo } from 'preact/hooks';
import type { Episode } from '../src/core/episode/model';
import { t } from '../src/ui/i18n';
import { PlayerBar } from '../src/ui/player/PlayerBar';
import { usePlayer, type PlayerHandle } from '../src/ui/player/usePlayer';
import { ConferenceTable } from './ConferenceTable';
import { EpisodeHeader } from './EpisodeHeader';
import { LinkList } from './LinkList';
import { ListeningActions } from './ListeningActions';
import { NotAnEpisode } from './NotAnEpisode';
import { openJournal } from './openLink';
import { Outline } from './Outline';
import { SourceNote } from './SourceNote';
import { useActiveEpisode, type OwnRecords } from './useActiveEpisode';

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

/** What the popup shows of an episode below its header: nothing there hangs on the player. */
function EpisodeNotes({ episode, own, tabId }: { episode: Episode; own: OwnRecords; tabId: number }) {
  return (
    <>
      <ListeningActions episode={episode} stored={own.listening} />
      <Outline episode={episode} tabId={tabId} />
      <LinkList episode={episode} />
      <ConferenceTable conferences={episode.conferences} />
    </>
  );
}

function ActiveEpisode({ player }: { player: PlayerHandle }) {
  const active = useActiveEpisode();
  const shown = active.kind === 'episode' ? active : null;
  // The same element for the same episode, which Preact does not draw again: the player's state,
  // which comes in as the popup opens, then redraws the header and the bar alone.
  const notes = useMemo(
    () => shown && <EpisodeNotes episode={shown.episode} own={shown.own} tabId={shown.tabId} />,
    // `own` (the listener's records read with the episode) is the notes' first value only: the
    // hooks inside follow the store after that, and a later copy must not draw the notes again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown?.episode, shown?.tabId],
  );
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
      return (
        <main class="episode" aria-busy={active.check.kind === 'checking'}>
          <EpisodeHeader episode={active.episode} own={active.own} player={player} />
          {notes}
          <footer class="popup-footer">
            <SourceNote origin={active.origin} check={active.check} />
            <JournalButton />
          </footer>
        </main>
      );
  }
}
