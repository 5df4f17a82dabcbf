import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Episode } from '../src/core/episode/model';
import { localToday } from '../src/core/text/dates';
import { t } from '../src/ui/i18n';
import { NoteView } from '../src/ui/NoteView';
import type { NoteNode } from '../src/core/log/note';
import { sendToBackground } from '../src/messages';
import { recover } from '../src/errors';
import { DAY_UNKNOWN } from '../src/core/records';
import type { ListeningHandle } from '../src/ui/useListeningState';
import { Icon } from '../src/ui/Icon';
import { Star } from 'lucide';

/** A saved note, drawn as the background reads its markdown: until then (or if it cannot), as plain text. */
function SavedNote({ note }: { note: string }) {
  const [read, setRead] = useState<{ note: string; nodes: NoteNode[] } | null>(null);
  useEffect(() => {
    let shown = true;
    sendToBackground(browser.runtime, { type: 'note/read', markdown: note })
      .then((nodes) => shown && setRead({ note, nodes }))
      .catch(recover('reading the note', undefined));
    return () => {
      shown = false;
    };
  }, [note]);
  if (read?.note !== note) return <p class="note-view">{note}</p>;
  return <NoteView nodes={read.nodes} />;
}

function NoteEditor({ note, save }: { note: string; save: (note: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  if (editing) {
    return (
      <div class="note">
        <label for="note-text">{t('noteLabel')}</label>
        <textarea id="note-text" rows={3} value={draft} maxLength={5000} onInput={(event) => setDraft(event.currentTarget.value)} />
        <button
          type="button"
          onClick={() => {
            save(draft.trim());
            setEditing(false);
          }}
        >
          {t('noteSave')}
        </button>
      </div>
    );
  }
  return (
    <div class="note">
      {note && <SavedNote note={note} />}
      <button
        type="button"
        class="link-button"
        onClick={() => {
          setDraft(note);
          setEditing(true);
        }}
      >
        {note ? t('noteEdit') : t('noteAdd')}
      </button>
    </div>
  );
}

const STARS = [1, 2, 3, 4, 5] as const;

/** A rating from 1 to 5 as a radio group; choosing the current rating again clears it. */
function Rating({ rating, rate }: { rating: number | null; rate: (rating: number | null) => void }) {
  return (
    <fieldset class="rating">
      <legend>{t('ratingLegend')}</legend>
      {STARS.map((stars) => (
        <label key={stars} title={t('ratingStars', stars)}>
          <input
            type="radio"
            name="rating"
            value={stars}
            checked={rating === stars}
            onClick={() => rate(rating === stars ? null : stars)}
            aria-label={t('ratingStars', stars)}
          />
          <Icon node={Star} size={20} class={rating !== null && stars <= rating ? 'star rated' : 'star'} />
        </label>
      ))}
    </fieldset>
  );
}

/** What the episode's tab holds of the listener's own: the day heard, the rating, the note. ✓ and ★ are in the header. */
export function ListeningActions({ episode, listening }: { episode: Episode; listening: ListeningHandle }) {
  const { state, update } = listening;
  const listenedOn = state?.listenedOn ?? null;

  return (
    <section class="actions" aria-label={t('myListening')}>
      {listenedOn && (
        <label class="listened-on">
          {t('listenedOnLabel')}
          <input
            type="date"
            value={listenedOn === DAY_UNKNOWN ? '' : listenedOn}
            max={localToday()}
            required
            aria-describedby={listenedOn === DAY_UNKNOWN ? 'day-unknown' : undefined}
            onChange={(event) => {
              const day = event.currentTarget.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(day)) update(() => ({ listenedOn: day }));
            }}
          />
          {listenedOn === DAY_UNKNOWN && <span id="day-unknown">{t('dayUnknown')}</span>}
        </label>
      )}
      <Rating rating={state?.rating ?? null} rate={(rating) => update(() => ({ rating }))} />
      <NoteEditor key={episode.id} note={state?.note ?? ''} save={(note) => update(() => ({ note }))} />
    </section>
  );
}
