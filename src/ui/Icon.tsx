/**
 * An icon of the Lucide set (lucide.dev, ISC), drawn as SVG elements from the set's data: each
 * icon is a module of its own, so only the ones used are bundled. Decorative: the control it is
 * in carries the name.
 */
import { h } from 'preact';
import type { IconNode } from 'lucide';

export function Icon({ node, size = 20, class: extra }: { node: IconNode; size?: number; class?: string }) {
  return (
    <svg
      class={extra ? `icon ${extra}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width={2}
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {node.map(([tag, attributes], index) => h(tag, { key: index, ...attributes }))}
    </svg>
  );
}
