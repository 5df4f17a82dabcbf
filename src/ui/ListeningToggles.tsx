/**
 * ✓ and ★ as icon toggles, as podcast apps draw them: whether an episode was heard, whether it is
 * a favourite. The same two on every row of the journal and in the popup's header, named for
 * screen readers by what they mark, their state by `aria-pressed`.
 */
import { Circle, CircleCheck, Star } from 'lucide';
import { listenedText, t } from './i18n';
import { Icon } from './Icon';
import { IconButton } from './IconButton';
import type { ListeningState } from '../core/records';

/** `listenedOn`: the day heard (or unknown), null when not heard; the tooltip says it. */
export function HeardToggle({ listenedOn, onToggle }: { listenedOn: ListeningState['listenedOn']; onToggle: () => void }) {
  const heard = listenedOn !== null;
  return (
    <IconButton
      kind="toggle heard-toggle"
      label={t('listened')}
      title={heard ? listenedText(listenedOn) : undefined}
      pressed={heard}
      onClick={onToggle}
    >
      <Icon node={heard ? CircleCheck : Circle} size={22} />
    </IconButton>
  );
}

export function FavouriteToggle({ bookmarked, onToggle }: { bookmarked: boolean; onToggle: () => void }) {
  return (
    <IconButton kind="toggle favourite-toggle" label={t('bookmarked')} pressed={bookmarked} onClick={onToggle}>
      <Icon node={Star} size={22} />
    </IconButton>
  );
}
