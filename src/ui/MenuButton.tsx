/**
 * An icon button that opens a short menu of actions, as the WAI-ARIA menu button pattern has it:
 * the arrows, Home and End move among the items, Escape or a click elsewhere closes the menu and
 * gives the focus back to the button, Tab closes it and goes on.
 */
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuAction {
  label: string;
  run: () => void;
  /** In the menu on a phone's width only: wider, a button of its own beside the menu does it. */
  narrowOnly?: boolean;
}

type Opened = 'first' | 'last' | null;

/** Where the menu goes, in the window: under the button, or above it in the window's lower half (the player is at the bottom). */
type MenuPlace = { right: number } & ({ top: number; bottom?: undefined } | { bottom: number; top?: undefined });

const GAP = 4;

/** A length for a style: Preact 11 no longer adds the unit to a number, and the browser ignores a bare one. */
const px = (length: number | undefined) => (length === undefined ? undefined : `${length}px`);

function placeBy(button: DOMRect): MenuPlace {
  const right = document.documentElement.clientWidth - button.right;
  return button.bottom > window.innerHeight / 2
    ? { right, bottom: window.innerHeight - button.top + GAP }
    : { right, top: button.bottom + GAP };
}

export function MenuButton({ label, actions, children }: { label: string; actions: MenuAction[]; children: ComponentChildren }) {
  const [opened, setOpened] = useState<Opened>(null);
  const [place, setPlace] = useState<MenuPlace>({ right: 0, top: 0 });
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  // The items drawn: a phone's width hides none, a desktop's hides those its row shows as buttons.
  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []).filter((item) => item.getClientRects().length > 0);
  const open = (at: Exclude<Opened, null>) => {
    if (!button.current) return;
    setPlace(placeBy(button.current.getBoundingClientRect()));
    setOpened(at);
  };
  const close = (giveFocusBack: boolean) => {
    setOpened(null);
    if (giveFocusBack) button.current?.focus();
  };

  // As the menu is drawn, not a frame later: a key pressed at once goes to its item, not to the button.
  useLayoutEffect(() => {
    if (opened === null) return;
    menu.current?.showPopover();
    const all = items();
    (opened === 'last' ? all.at(-1) : all[0])?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!button.current?.parentElement?.contains(event.target as Node)) setOpened(null);
    };
    // Placed in the window by the button: it follows the button as the page scrolls (the list's own
    // layout may scroll it too) or the window is resized.
    const follow = () => button.current && setPlace(placeBy(button.current.getBoundingClientRect()));
    document.addEventListener('pointerdown', closeOutside);
    addEventListener('scroll', follow, { capture: true, passive: true });
    addEventListener('resize', follow);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      removeEventListener('scroll', follow, { capture: true });
      removeEventListener('resize', follow);
    };
  }, [opened]);

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return focus(at + 1);
      case 'ArrowUp':
        return focus(at - 1);
      case 'Home':
        return focus(0);
      case 'End':
        return focus(all.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return close(true);
      case 'Tab':
        return close(false);
    }
  };

  return (
    <span class="menu-button">
      <button
        ref={button}
        type="button"
        class="icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={opened !== null}
        aria-controls={opened === null ? undefined : menuId}
        onClick={() => (opened === null ? open('first') : close(false))}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          open(event.key === 'ArrowUp' ? 'last' : 'first');
        }}
      >
        {children}
      </button>
      {opened !== null && (
        <ul
          ref={menu}
          id={menuId}
          popover="manual"
          role="menu"
          aria-label={label}
          class="menu"
          style={{ top: px(place.top), bottom: px(place.bottom), right: px(place.right) }}
          onKeyDown={onMenuKey}
        >
          {actions.map((action) => (
            <li role="none" key={action.label} class={action.narrowOnly ? 'narrow-only' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  // The focus is back on the button before the action runs: a toast it shows gives it back there.
                  close(true);
                  action.run();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
