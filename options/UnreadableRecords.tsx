import { plural } from '../src/ui/i18n';

/** Says that stored records were skipped because they could not be read, rather than breaking the view. */
export function UnreadableRecords({ count }: { count: number }) {
  return <p class="hint">{plural({ one: 'unreadableRecordsOne', other: 'unreadableRecordsOther' }, count)}</p>;
}
