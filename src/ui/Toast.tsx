/**
 * A short message at the bottom of the page, above the player, with the action that takes back
 * what was just done (a heard mark clicked by mistake erases the day it was heard). One at a time:
 * the newest replaces the one before. It leaves after a few seconds, not while the pointer or
 * the focus is on it (WCAG 2.2.1), and its live region tells screen readers without moving focus.
 */
import { useEffect, useState } from 'preact/hooks';
import { X } from 'lucide';
import { Icon } from './Icon';
import { IconButton } from './IconButton';
import { t } from './i18n';

export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void };
}

/** `returnFocus`: what had the focus when the toast came, given it back when the toast's buttons go. */
type Shown = ToastMessage & { key: number; returnFocus: HTMLElement | null };

const SHOWN_FOR_MS = 8000;

let current: Shown | null = null;
let shownCount = 0;
const listeners = new Set<() => void>();

function publish(next: Shown | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Shows `message` in the page's ToastRegion, in place of any other. */
export function showToast(message: ToastMessage): void {
  shownCount += 1;
  const focused = document.activeElement;
  publish({ ...message, key: shownCount, returnFocus: focused instanceof HTMLElement && focused !== document.body ? focused : null });
}

function dismiss(key: number): void {
  if (current?.key === key) publish(null);
}

/** Closed from its own buttons, the toast gives the focus back rather than drop it on the page's body. */
function close(toast: Shown): void {
  dismiss(toast.key);
  if (toast.returnFocus?.isConnected) toast.returnFocus.focus();
}

/** A toast as drawn; `onClose` takes it away, as its action does before it runs. */
export function ToastView({ toast, onClose }: { toast: ToastMessage; onClose: () => void }) {
  return (
    <div class="toast">
      <span class="toast-text">{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          class="button toast-action"
          onClick={() => {
            onClose();
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <IconButton label={t('toastClose')} onClick={onClose}>
        <Icon node={X} size={18} />
      </IconButton>
    </div>
  );
}

/** Where the page's toasts appear: rendered once, before any is shown, so that screen readers hear them. */
export function ToastRegion() {
  const [toast, setToast] = useState(current);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    // A toast taken away under the pointer or the focus fires no leave or blur: the next starts free.
    const follow = () => {
      setToast(current);
      setHeld(false);
    };
    listeners.add(follow);
    return () => void listeners.delete(follow);
  }, []);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => dismiss(toast.key), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [toast, held]);
  const hold = () => setHeld(true);
  const release = () => setHeld(false);
  return (
    <div
      class="toast-region"
      role="status"
      aria-live="polite"
      onMouseEnter={hold}
      onMouseLeave={release}
      onFocusIn={hold}
      onFocusOut={release}
    >
      {toast && <ToastView key={toast.key} toast={toast} onClose={() => close(toast)} />}
    </div>
  );
}
