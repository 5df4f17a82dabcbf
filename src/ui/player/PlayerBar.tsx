/**
 * The player's controls, wherever a page shows them (the popup, the journal) while an episode is
 * loaded: play/pause, back 15 s, forward 30 s, the position with elapsed and total time, the
 * speed, and the keyboard (space, ←, →) when no field has the focus.
 */
import { useEffect } from 'preact/hooks';
import { formatClock, MAX_RATE, MIN_RATE, RATE_PRESETS, SKIP_BACK_SECONDS, SKIP_FORWARD_SECONDS } from '../../core/player/playable';
import type { Playable } from '../../core/player/playable';
import { isPlaying, type PlayerCommand, type PlayerState } from '../../core/player/state';
import { episodeName } from '../episodeName';
import { formatNumber, t, uiLanguage } from '../i18n';
import { IconButton } from '../IconButton';
import type { PlayerHandle } from './usePlayer';

/** Where a key is the field's own (typing, a button's space, a slider's arrows), the player leaves it. */
function keyBelongsToField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, button, a, [contenteditable]') !== null;
}

function rateLabel(rate: number): string {
  return t('speedValue', formatNumber(rate, uiLanguage(), { maximumFractionDigits: 2 }));
}

/**
 * Pause, or play the episode on (a player Chrome closed after 30 s of silence, which the bar
 * drawn before still shows, starts it again where it was).
 */
function toggle(playing: boolean, playable: Playable): PlayerCommand {
  return playing ? { kind: 'pause' } : { kind: 'play', playable };
}

function useKeyboard({ state, command }: PlayerHandle): void {
  useEffect(() => {
    const playable = state?.playable;
    if (!playable) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || keyBelongsToField(event.target)) return;
      if (event.key === ' ') command(toggle(isPlaying(state.status), playable));
      else if (event.key === 'ArrowLeft') command({ kind: 'skip', by: -SKIP_BACK_SECONDS });
      else if (event.key === 'ArrowRight') command({ kind: 'skip', by: SKIP_FORWARD_SECONDS });
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state?.playable, state?.status, command]);
}

export function PlayerBar({ player }: { player: PlayerHandle }) {
  useKeyboard(player);
  const { state, command } = player;
  if (!state?.playable) return null;
  const { playable } = state;
  const name = episodeName(playable);
  const playing = isPlaying(state.status);
  return (
    <section class="player" aria-label={t('playerRegion')}>
      <p class="player-title">
        <span class="player-status">{t(playing ? 'nowPlaying' : state.status === 'ended' ? 'playerEnded' : 'playerPaused')}</span>{' '}
        <a href={playable.url} target="_blank" rel="noopener noreferrer">
          {name}
        </a>
      </p>
      {state.status === 'failed' ? (
        <p class="player-failure" role="alert">
          {state.failure === 'refused' ? (
            t('playerRefused')
          ) : (
            <>
              {t('playerUnreachable')}{' '}
              <button type="button" onClick={() => command({ kind: 'play', playable })}>
                {t('retry')}
              </button>
            </>
          )}
        </p>
      ) : (
        <PlayerControls state={state} playable={playable} command={command} playing={playing} />
      )}
      {state.markedListened && (
        <p class="player-marked" role="status">
          {t('playerMarkedListened')}{' '}
          <button type="button" class="link-button" onClick={() => command({ kind: 'undo-listened' })}>
            {t('bulkUndo')}
          </button>
        </p>
      )}
    </section>
  );
}

function PlayerControls({
  state,
  playable,
  command,
  playing,
}: {
  state: PlayerState;
  playable: Playable;
  command: PlayerHandle['command'];
  playing: boolean;
}) {
  const duration = state.duration ?? 0;
  return (
    <>
      <div class="player-buttons">
        <IconButton label={t('playerBack', SKIP_BACK_SECONDS)} onClick={() => command({ kind: 'skip', by: -SKIP_BACK_SECONDS })}>
          −{SKIP_BACK_SECONDS}
        </IconButton>
        <IconButton
          kind="primary player-toggle"
          label={t(playing ? 'playerPause' : 'playerPlay')}
          onClick={() => command(toggle(playing, playable))}
        >
          {playing ? '❚❚' : '▶'}
        </IconButton>
        <IconButton label={t('playerForward', SKIP_FORWARD_SECONDS)} onClick={() => command({ kind: 'skip', by: SKIP_FORWARD_SECONDS })}>
          +{SKIP_FORWARD_SECONDS}
        </IconButton>
        <span class="player-time">
          <span class="player-elapsed">{formatClock(state.position)}</span> /{' '}
          {state.duration === null ? '–:––' : formatClock(state.duration)}
        </span>
      </div>
      <input
        type="range"
        class="player-position"
        min={0}
        max={Math.max(1, Math.floor(duration))}
        step={1}
        value={Math.floor(state.position)}
        disabled={state.duration === null}
        aria-label={t('playerPosition')}
        aria-valuetext={`${formatClock(state.position)} / ${formatClock(duration)}`}
        onChange={(event) => command({ kind: 'seek', to: Number(event.currentTarget.value) })}
      />
      <fieldset class="player-speed">
        <legend>{t('playerSpeed', rateLabel(state.rate))}</legend>
        {RATE_PRESETS.map((rate) => (
          <button key={rate} type="button" class="chip" aria-pressed={state.rate === rate} onClick={() => command({ kind: 'rate', rate })}>
            {rateLabel(rate)}
          </button>
        ))}
        <input
          type="range"
          min={MIN_RATE}
          max={MAX_RATE}
          step={0.05}
          value={state.rate}
          aria-label={t('playerSpeedFine')}
          aria-valuetext={rateLabel(state.rate)}
          onChange={(event) => command({ kind: 'rate', rate: Number(event.currentTarget.value) })}
        />
      </fieldset>
    </>
  );
}
