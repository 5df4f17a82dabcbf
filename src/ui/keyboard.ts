/** The keyboard of lists with a field above them (the popup's links, the journal's search results). */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Arrow keys move between the links `selector` names in `list`; the field above hands over with
 * ArrowDown, and takes the focus back above the first.
 */
export function moveFocus(
  list: HTMLElement | null,
  from: Element | null,
  step: 1 | -1,
  field: HTMLInputElement | null,
  selector: string,
): void {
  const links = Array.from(list?.querySelectorAll<HTMLAnchorElement>(selector) ?? []);
  if (links.length === 0) return;
  const position = links.indexOf(from as HTMLAnchorElement);
  if (position === -1) return links[step === 1 ? 0 : links.length - 1]!.focus();
  const next = position + step;
  if (next < 0) return field?.focus();
  links[Math.min(next, links.length - 1)]!.focus();
}

/**
 * `/` typed outside a field focuses `field`, as on most sites' search; `reveal` first shows it
 * where it is hidden (the popup's links, in a tab of their own), and the focus follows the render.
 */
export function useSlashFocuses(field: RefObject<HTMLInputElement | null>, reveal?: () => void): void {
  useEffect(() => {
    const focusOnSlash = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        if (!reveal) return field.current?.focus();
        reveal();
        setTimeout(() => field.current?.focus(), 0);
      }
    };
    document.addEventListener('keydown', focusOnSlash);
    return () => document.removeEventListener('keydown', focusOnSlash);
  }, [field, reveal]);
}
