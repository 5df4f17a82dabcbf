/**
 * The design system on one page, reached by its address alone (`#components`): every component
 * the popup and the journal draw, with examples, in the theme chosen. The screenshots of this page
 * in both themes are what a change of the look is checked against. Examples answer no click:
 * their rows and buttons are the real ones, which would otherwise write to the listener's log.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { BookmarkPlus, Copy, ListMusic, Play } from 'lucide';
import type { EpisodeRow } from '../../src/core/log/episodeList';
import { emptyState, type ListeningState } from '../../src/core/records';
import type { PlaybackRecords } from '../../src/ui/player/usePlaybackRecords';
import { EmptyState } from '../../src/ui/EmptyState';
import { Icon } from '../../src/ui/Icon';
import { IconButton } from '../../src/ui/IconButton';
import { t, type MessageKey } from '../../src/ui/i18n';
import { ProgressRing } from '../../src/ui/player/PlayButtons';
import { rateLabel } from '../../src/ui/player/PlayerBar';
import type { PlayerHandle } from '../../src/ui/player/usePlayer';
import { SegmentedControl } from '../../src/ui/SegmentedControl';
import { ShowArtwork } from '../../src/ui/ShowArtwork';
import { Switch } from '../../src/ui/Switch';
import { Select } from '../../src/ui/Select';
import { ToastView } from '../../src/ui/Toast';
import { BrowseEpisodes } from '../BrowseEpisodes';
import { EpisodeRowView } from '../EpisodeRowView';

const TYPE_SCALE = ['--text-2xl', '--text-xl', '--text-lg', '--text-md', '--text-sm', '--text-xs'] as const;
const COLOURS = ['--fg', '--fg-soft', '--accent', '--accent-soft', '--bg-soft', '--border', '--focus', '--ok', '--danger'] as const;

const SAMPLE_TIME = '2026-01-01T00:00:00.000Z';

/** An episode for the rows to draw: made up, so that no stored record is read or written. */
function sampleRow(number: number, publishedOn: string, state: Partial<ListeningState>): EpisodeRow {
  const id = `components-sample-${number}`;
  return {
    card: {
      id,
      number,
      title: t('componentsSampleTitle'),
      url: `https://lescastcodeurs.com/components/${number}/`,
      publishedOn,
      audioBytes: 96_000_000,
      audioUrl: `https://traffic.libsyn.com/lescastcodeurs/components-${number}.mp3`,
    },
    state: { ...emptyState(id), ...state },
  };
}

/** A row in each state a listener sees: new, started and queued, heard and kept with a rating and a note. */
function sampleRows(): { row: EpisodeRow; arrived: boolean }[] {
  return [
    { row: sampleRow(1, '2026-11-20', {}), arrived: true },
    { row: sampleRow(2, '2026-11-06', {}), arrived: false },
    { row: sampleRow(3, '2026-10-23', { listenedOn: '2026-10-25', bookmarkedAt: SAMPLE_TIME, rating: 4, note: '…' }), arrived: false },
  ];
}

/** The second sample started, 40 minutes in. */
function samplePlayback(): PlaybackRecords {
  const { id: episodeId, url } = sampleRow(2, '2026-11-06', {}).card;
  return { positions: new Map([[episodeId, { episodeId, url, seconds: 2_400, duration: 6_000, updatedAt: SAMPLE_TIME }]]), queue: [] };
}

function Part({ title, children }: { title: MessageKey; children: ComponentChildren }) {
  return (
    <section class="components-part" aria-labelledby={`components-${title}`}>
      <h3 id={`components-${title}`}>{t(title)}</h3>
      {children}
    </section>
  );
}

/** Stops every click inside (Enter and Space on a button are clicks too) before the examples' own handlers see it. */
function Inert({ children }: { children: ComponentChildren }) {
  const stop = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div class="components-examples" onClickCapture={stop}>
      {children}
    </div>
  );
}

export function Components({ player }: { player: PlayerHandle }) {
  const [segment, setSegment] = useState<'all' | 'to-listen' | 'listened'>('all');
  const [on, setOn] = useState(true);
  const [country, setCountry] = useState('');
  const noAction = () => undefined;
  return (
    <div class="components">
      <p class="hint">{t('componentsIntro')}</p>
      <Part title={'componentsType'}>
        <ul class="components-type">
          {TYPE_SCALE.map((token) => (
            <li key={token} style={{ fontSize: `var(${token})` }}>
              <code>{token}</code> {t('componentsSampleTitle')}
            </li>
          ))}
        </ul>
        <ul class="components-colours">
          {COLOURS.map((token) => (
            <li key={token}>
              <span class="swatch" style={{ background: `var(${token})` }} aria-hidden="true" />
              <code>{token}</code>
            </li>
          ))}
        </ul>
      </Part>
      <Part title={'componentsButtons'}>
        <Inert>
          <button type="button" class="button primary">
            {t('playEpisode')}
          </button>
          <button type="button" class="button">
            {t('queueAdd')}
          </button>
          <button type="button" class="button" aria-pressed="true">
            {t('bookmarked')}
          </button>
          <button type="button" class="button" disabled>
            {t('retry')}
          </button>
        </Inert>
      </Part>
      <Part title={'componentsIconButtons'}>
        <Inert>
          <IconButton label={t('copyLink')} onClick={noAction}>
            <Icon node={Copy} size={20} />
          </IconButton>
          <IconButton label={t('keepToReadHint')} pressed onClick={noAction}>
            <Icon node={BookmarkPlus} size={20} />
          </IconButton>
          {[0, 0.4, 1].map((share) => (
            <IconButton key={share} kind="play round" label={t('playEpisode')} onClick={noAction}>
              <ProgressRing share={share} />
              <Icon node={Play} size={18} />
            </IconButton>
          ))}
        </Inert>
      </Part>
      <Part title={'componentsChoices'}>
        <SegmentedControl
          legend={t('episodesFilter')}
          name="components-segments"
          segments={[
            { value: 'all', label: t('filterAll') },
            { value: 'to-listen', label: t('filterToListen') },
            { value: 'listened', label: t('filterListened') },
          ]}
          value={segment}
          onChange={setSegment}
        />
        <Switch label={t('conferencesCfpOpen')} checked={on} onChange={setOn} />
        <Select
          label={t('conferencesCountry')}
          value={country}
          options={['', 'France', 'Belgique'].map((value) => ({ value, label: value || t('conferencesAnyPlace') }))}
          onChange={setCountry}
        />
      </Part>
      <Part title={'componentsChips'}>
        <Inert>
          {[1, 1.5].map((rate) => (
            <button key={rate} type="button" class="chip" aria-pressed={rate === 1}>
              {rateLabel(rate)}
            </button>
          ))}
          <span class="new-chip">{t('episodeNew')}</span>
        </Inert>
      </Part>
      <Part title={'componentsRows'}>
        <Inert>
          <ul class="rows">
            {sampleRows().map(({ row, arrived }) => (
              <EpisodeRowView
                key={row.card.id}
                row={row}
                selected={false}
                onSelect={noAction}
                onFailure={noAction}
                player={player}
                playback={samplePlayback()}
                arrived={arrived}
              />
            ))}
          </ul>
        </Inert>
      </Part>
      <Part title={'componentsEmptyState'}>
        <Inert>
          <EmptyState icon={ListMusic} action={<BrowseEpisodes />}>
            {t('queueEmpty')}
          </EmptyState>
        </Inert>
      </Part>
      <Part title={'componentsToast'}>
        <Inert>
          <ToastView toast={{ text: t('heardMarked', 'LCC 3'), action: { label: t('undo'), run: noAction } }} onClose={noAction} />
        </Inert>
      </Part>
      <Part title={'componentsArtwork'}>
        <ShowArtwork size={64} /> <ShowArtwork size={40} />
      </Part>
      <p class="hint">{t('componentsPlayer')}</p>
    </div>
  );
}
