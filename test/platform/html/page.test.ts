import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS, NotAPostError } from '../../../src/core/episode/model';
import * as v from 'valibot';
import { identifyPostPage, MAX_NOTE_PARTS, parsePostPage } from '../../../src/platform/html/page';
import { MAX_EPISODE_LINKS } from '../../../src/core/episode/notes';
import { episodeSchema } from '../../../src/core/episode/schema';

function page(article: string, head = ''): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${article}</body></html>`).document;
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

  it('is not another episode for linking its mp3: the address names the episode (issue 24, 4)', () => {
    const document = page(
      `<article class="post"><header class="post-header"><h1 class="post-title">Un billet</h1>
       <a href="https://traffic.libsyn.com/lescastcodeurs/LesCastCodeurs-Episode-262.mp3">mp3</a></header></article>`,
    );
    const address = 'https://lescastcodeurs.com/2026/05/12/un-billet/';
    expect(parsePostPage(document, address)).toMatchObject({ id: 'un-billet', number: null, audio: null });
    expect(identifyPostPage(document, address)).toMatchObject({ id: 'un-billet', number: null });
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

  // Issue 13, 3: every address of an Episode is absolute http(s), so that every export imports.
  it.each([
    ['/LesCastCodeurs-Episode-340.mp3', { url: 'https://lescastcodeurs.com/LesCastCodeurs-Episode-340.mp3', bytes: null }],
    ['javascript:alert(1)//LesCastCodeurs-Episode-999.mp3', null],
    ['data:audio/mpeg,LesCastCodeurs-Episode-999.mp3', null],
  ])('reads the audio link %s as %o', (href, audio) => {
    const document = page(
      `<article class="post"><header class="post-header"><a href="${href}"></a><a href="javascript:void(0)//youtube.com/x"></a></header></article>`,
    );
    const episode = parsePostPage(document, URL_OF_POST);
    expect(episode.audio).toEqual(audio);
    expect(episode.video).toBeNull();
    expect(v.is(episodeSchema, episode)).toBe(true);
  });

  it.each([
    [
      'nested elements',
      (depth: number) => `${'<div><span>'.repeat(depth)}<a href="https://deep.example/">fond</a>${'</span></div>'.repeat(depth)}`,
    ],
    [
      'nested lists',
      (depth: number) => `${'<ul><li>x '.repeat(depth)}<a href="https://deep.example/">fond</a>${'</li></ul>'.repeat(depth)}`,
    ],
    [
      'lists nested straight in lists',
      (depth: number) => `<div>${'<ul>'.repeat(depth)}<li><a href="https://deep.example/">fond</a></li>${'</ul>'.repeat(depth)}</div>`,
    ],
    [
      'nested block quotes',
      (depth: number) => `${'<blockquote>'.repeat(depth)}<p><a href="https://deep.example/">fond</a></p>${'</blockquote>'.repeat(depth)}`,
    ],
  ])('reads 3,000 levels of %s without overflowing the stack, the deepest link kept (issue 13, 4)', (_, nest) => {
    const document = page(`<article class="post"><div class="post-content"><h2 id="s">S</h2>${nest(3000)}</div></article>`);
    expect(parsePostPage(document, URL_OF_POST).links).toEqual([
      expect.objectContaining({ url: 'https://deep.example/', text: 'fond', sectionId: 's' }),
    ]);
  });

  it('trusts the address the page was loaded from over its canonical link (issue 13, 5)', () => {
    const document = page(
      `<article class="post"><header class="post-header"><h1 class="post-title">Pas la 262</h1></header></article>`,
      `<link rel="canonical" href="https://lescastcodeurs.com/2021/09/02/lcc-262-interview-cloud-de-confiance-avec-quentin-adam/">`,
    );
    expect(parsePostPage(document, URL_OF_POST)).toMatchObject({ url: URL_OF_POST, id: 'lcc-340-episode' });
    expect(identifyPostPage(document, URL_OF_POST)).toEqual({ id: 'lcc-340-episode', number: null, url: URL_OF_POST });
  });

  it('cuts a title of a million characters, which no episode has (issue 24, 4)', () => {
    const document = page(
      `<article class="post"><header class="post-header"><h1 class="post-title">${'LCC 340 '.repeat(125_000)}</h1></header></article>`,
    );
    const { title } = parsePostPage(document, URL_OF_POST);
    expect(title.length).toBe(MAX_TITLE_CHARS);
    expect(title).toMatch(/^LCC 340 LCC 340 .*…$/);
  });

  it('reads the notes of a hostile page up to MAX_NOTE_PARTS blocks and items (issue 23)', () => {
    const paragraphs = Array.from({ length: MAX_NOTE_PARTS + 500 }, (_, index) => `<p>part ${index}</p>`).join('');
    const items = Array.from({ length: 3000 }, (_, index) => `<li><a href="https://example.com/${index}">${index}</a></li>`).join('');
    const document = page(
      `<article class="post"><header class="post-header"><h1 class="post-title">LCC 340</h1></header>
       <div class="post-content"><ul>${items}</ul>${paragraphs}</div></article>`,
    );
    const { summary, links } = parsePostPage(document, URL_OF_POST);
    expect(links).toHaveLength(MAX_EPISODE_LINKS);
    // The list and its 3000 items are parts too.
    const read = summary.split('\n\n');
    expect(read).toHaveLength(MAX_NOTE_PARTS - 3001);
    expect(read.at(-1)).toBe(`part ${MAX_NOTE_PARTS - 3002}`);
  });

  it.each([
    ['a page without article.post', '<main><h1>Les épisodes</h1></main>', URL_OF_POST],
    ['an article away from a post address', '<article class="post"></article>', 'https://lescastcodeurs.com/episodes/'],
  ])('refuses %s', (_, body, address) => {
    expect(() => parsePostPage(page(body), address)).toThrow(NotAPostError);
  });
});
