import { parsePostPage } from '../episode/page';
import { isPostPageUrl } from '../episode/urls';

if (isPostPageUrl(location.href) && document.querySelector('article.post')) {
  parsePostPage(document, location.href);
}
