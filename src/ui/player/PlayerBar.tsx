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
import { formatNumber, t, uiLanguage, type MessageKey } from '../i18n';
import { IconButton } from '../IconButton';
import { Icon } from '../Icon';
import { ShowArtwork } from '../ShowArtwork';
import { Pause, Play, RotateCcw, RotateCw } from 'lucide';
import type { PlayerHandle } from './usePlayer';

/** Where a key is the field's own (typing, a button's space, a slider's arrows), the player leaves it. */
function keyBelongsToField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, button, a, [contenteditable]') !== null;
}

export function rateLabel(rate: number): string {
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

function statusLabel(status: PlayerState['status']): MessageKey {
  if (status === 'failed') return 'playerFailedStatus';
  if (status === 'ended') return 'playerEnded';
  if (status === 'loading') return 'playerLoading';
  return isPlaying(status) ? 'nowPlaying' : 'playerPaused';
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
      <div class="player-head">
        <ShowArtwork size={40} />
        <p class="player-title">
          <span class="player-status">{t(statusLabel(state.status))}</span>{' '}
          <a href={playable.url} target="_blank" rel="noopener noreferrer">
            {name}
          </a>
        </p>
      </div>
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
            {t('undo')}
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
  const remaining = state.duration === null ? null : Math.max(0, state.duration - state.position);
  return (
    <>
      <div class="player-buttons">
        <IconButton
          kind="player-skip"
          label={t('playerBack', SKIP_BACK_SECONDS)}
          onClick={() => command({ kind: 'skip', by: -SKIP_BACK_SECONDS })}
        >
          <Icon node={RotateCcw} size={26} />
          <span class="skip-seconds">{SKIP_BACK_SECONDS}</span>
        </IconButton>
        <IconButton
          kind="primary player-toggle"
          label={t(playing ? 'playerPause' : 'playerPlay')}
          onClick={() => command(toggle(playing, playable))}
        >
          <Icon node={playing ? Pause : Play} size={26} />
        </IconButton>
        <IconButton
          kind="player-skip"
          label={t('playerForward', SKIP_FORWARD_SECONDS)}
          onClick={() => command({ kind: 'skip', by: SKIP_FORWARD_SECONDS })}
        >
          <Icon node={RotateCw} size={26} />
          <span class="skip-seconds">{SKIP_FORWARD_SECONDS}</span>
        </IconButton>
        <Speed rate={state.rate} command={command} />
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
      <p class="player-time">
        <span class="player-elapsed">{formatClock(state.position)}</span>
        <span class="player-remaining" aria-label={remaining === null ? undefined : t('playerRemaining', formatClock(remaining))}>
          {remaining === null ? '–:––' : `−${formatClock(remaining)}`}
        </span>
      </p>
    </>
  );
}

/** One button saying the speed (1,5×), which opens the presets and the fine steps. */
function Speed({ rate, command }: { rate: number; command: PlayerHandle['command'] }) {
  return (
    <details class="player-speed">
      <summary aria-label={t('playerSpeed', rateLabel(rate))} title={t('playerSpeed', rateLabel(rate))}>
        {rateLabel(rate)}
      </summary>
      <div class="player-speed-choices" role="group" aria-label={t('playerSpeed', rateLabel(rate))}>
        {RATE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            class="chip"
            aria-pressed={rate === preset}
            onClick={() => command({ kind: 'rate', rate: preset })}
          >
            {rateLabel(preset)}
          </button>
        ))}
        <input
          type="range"
          min={MIN_RATE}
          max={MAX_RATE}
          step={0.05}
          value={rate}
          aria-label={t('playerSpeedFine')}
          aria-valuetext={rateLabel(rate)}
          onChange={(event) => command({ kind: 'rate', rate: Number(event.currentTarget.value) })}
        />
      </div>
    </details>
  );
}
