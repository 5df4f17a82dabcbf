/** Arrow keys move between the links of the list; the filter hands over with ArrowDown. */
export function moveFocus(list: HTMLElement | null, from: Element | null, step: 1 | -1, filter: HTMLInputElement | null): void {
  const links = Array.from(list?.querySelectorAll<HTMLAnchorElement>('a.link-open') ?? []);
  if (links.length === 0) return;
  const position = links.indexOf(from as HTMLAnchorElement);
  if (position === -1) return links[step === 1 ? 0 : links.length - 1]!.focus();
  const next = position + step;
  if (next < 0) return filter?.focus();
  links[Math.min(next, links.length - 1)]!.focus();
}
