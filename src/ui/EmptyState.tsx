/** What a list says when it has nothing yet: an icon, a sentence, and the action that fills it. */
import type { ComponentChildren } from 'preact';
import type { IconNode } from 'lucide';
import { Icon } from './Icon';

export function EmptyState({ icon, children, action }: { icon: IconNode; children: ComponentChildren; action?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <Icon node={icon} size={40} />
      <p class="empty">{children}</p>
      {action}
    </div>
  );
}
