import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NotAPostError } from '../../src/episode/model';
import { parsePostPage } from '../../src/episode/page';

function page(article: string, head = ''): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${article}</body></html>`).document as unknown as Document;
}

const URL_OF_POST = 'https://lescastcodeurs.com/2026/05/12/lcc-340-episode/';

describe('parsePostPage', () => {
  it('reads the header: title, date, author, mp3 and video', () => {
    const document = page(
      `<article class="post"><header class="post-header"><h1 class="post-title">LCC 340 - Episode</h1>
       <time class="dt-published" datetime="2026-05-12T00:00:00+02:00">12/05/2026</time>
       <a href="https://www.youtube.com/watch?v=MtAbley8Uwk"></a>
       <a href="https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-340.mp3"></a></header>
       <div class="post-content"><p>Intro</p><p>Enregistré le 7 mai 2026</p><h2 id="news">News</h2></div></article>`,
      `<meta name="author" content="Emmanuel Bernard"><link rel="canonical" href="${URL_OF_POST}">`,
    );
    expect(parsePostPage(document)).toMatchObject({
      id: 'lcc-340',
      number: 340,
      title: 'LCC 340 - Episode',
      url: URL_OF_POST,
      publishedOn: '2026-05-12',
      recordedOn: '2026-05-07',
      author: 'Emmanuel Bernard',
      summary: 'Intro',
      audio: { url: 'https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-340.mp3', bytes: null },
      video: 'https://www.youtube.com/watch?v=MtAbley8Uwk',
      outline: [{ id: 'news', level: 2, title: 'News', children: [] }],
    });
  });

  it('treats the empty mp3 link of a blog post as no audio', () => {
    const document = page(
      `<article class="post"><header class="post-header"><h1 class="post-title">Un logo</h1>
       <a href="https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-.mp3"></a></header>
       <div class="post-content"><p>Texte</p></div></article>`,
    );
    expect(parsePostPage(document, 'https://lescastcodeurs.com/2009/05/03/les-cast-codeurs-ont-un-logo/')).toMatchObject({
      id: 'les-cast-codeurs-ont-un-logo',
      number: null,
      audio: null,
    });
  });

  it('keeps only http(s) links, resolves relative ones, and skips code blocks', () => {
    const document = page(
      `<article class="post"><div class="post-content">
       <p><a href="javascript:alert(1)">x</a> <a href="mailto:a@b.c">m</a> <a href="/licence/">licence</a></p>
       <div class="highlighter-rouge"><pre><code><a href="https://code.example/">c</a></code></pre></div>
       </div></article>`,
    );
    expect(parsePostPage(document, URL_OF_POST).links).toEqual([
      { url: 'https://lescastcodeurs.com/licence/', text: 'licence', context: 'x m licence', sectionId: null },
    ]);
  });

  it.each([
    ['a page without article.post', '<main><h1>Les épisodes</h1></main>', URL_OF_POST],
    ['an article away from a post address', '<article class="post"></article>', 'https://lescastcodeurs.com/episodes/'],
  ])('refuses %s', (_, body, address) => {
    expect(() => parsePostPage(page(body), address)).toThrow(NotAPostError);
  });
});
