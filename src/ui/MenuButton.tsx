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
}

type Opened = 'first' | 'last' | null;

export function MenuButton({ label, actions, children }: { label: string; actions: MenuAction[]; children: ComponentChildren }) {
  const [opened, setOpened] = useState<Opened>(null);
  const [upward, setUpward] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const open = (at: Exclude<Opened, null>) => {
    // Below the button, unless that would put it under the player at the window's bottom.
    setUpward((button.current?.getBoundingClientRect().bottom ?? 0) > window.innerHeight / 2);
    setOpened(at);
  };
  const close = (giveFocusBack: boolean) => {
    setOpened(null);
    if (giveFocusBack) button.current?.focus();
  };

  // As the menu is drawn, not a frame later: a key pressed at once goes to its item, not to the button.
  useLayoutEffect(() => {
    if (opened === null) return;
    const all = items();
    (opened === 'last' ? all.at(-1) : all[0])?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!button.current?.parentElement?.contains(event.target as Node)) setOpened(null);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
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
        <ul ref={menu} id={menuId} role="menu" aria-label={label} class={upward ? 'menu upward' : 'menu'} onKeyDown={onMenuKey}>
          {actions.map((action) => (
            <li role="none" key={action.label}>
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
