import { t, type MessageKey } from '../src/ui/i18n';
import type { EpisodeOrigin } from '../src/ui/popupCopies';
import type { SourceCheck } from './useActiveEpisode';

const FAILURE_NOTES = {
  page: { offline: 'sourcePageOffline', 'not-found': 'sourcePageNotFound', unparsable: 'sourcePageUnparsable' },
  cache: { offline: 'sourceCacheOffline', 'not-found': 'sourceCache', unparsable: 'sourceCache' },
} as const satisfies Record<'page' | 'cache', Record<string, MessageKey>>;

function noteKey(origin: EpisodeOrigin, check: SourceCheck): MessageKey {
  if (check.kind === 'checking') return 'sourceChecking';
  if (check.kind === 'done' || origin === 'markdown') return 'sourceMarkdown';
  return FAILURE_NOTES[origin][check.reason];
}

/** One quiet line saying which version of the notes is shown. */
export function SourceNote({ origin, check }: { origin: EpisodeOrigin; check: SourceCheck }) {
  return (
    <p class="source-note" role="status" data-origin={origin} data-check={check.kind}>
      {t(noteKey(origin, check))}
    </p>
  );
}
