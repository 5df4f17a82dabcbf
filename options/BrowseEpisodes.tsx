/** The action of an empty list the catalogue fills: to the episodes. */
import { t } from '../src/ui/i18n';

export function BrowseEpisodes() {
  return (
    <a class="button" href="#episodes">
      {t('emptyBrowse')}
    </a>
  );
}
