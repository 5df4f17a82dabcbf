/**
 * A small button drawn as its icon (copy, play, queue, move), named by its label for screen
 * readers, with the same label as its tooltip.
 */
import type { ComponentChildren } from 'preact';

export interface IconButtonProps {
  label: string;
  onClick: () => void;
  /** Extra classes after `icon-button`. */
  kind?: string;
  pressed?: boolean;
  disabled?: boolean;
  /** The tooltip, where it says more than the name (the day an episode was heard). */
  title?: string;
  children: ComponentChildren;
}

export function IconButton({ label, onClick, kind, pressed, disabled, title, children }: IconButtonProps) {
  return (
    <button
      type="button"
      class={kind ? `icon-button ${kind}` : 'icon-button'}
      aria-label={label}
      title={title ?? label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
