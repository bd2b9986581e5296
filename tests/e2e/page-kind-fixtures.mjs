// The page-kind fixtures (tests/e2e/fixtures/kind-*.html): what each page is, and
// so whether Caveat marks it by default. `phrase`: a mark it gets once marked
// (by default, or after "Mark this page"); `signals`: reasons the decision must give.
// Shared by page-kind.test.mjs (the decision alone) and the Chromium and Firefox
// suites (the extension end to end). The README's table is this list.
export const KIND_FIXTURES = [
  { path: 'fixtures/kind-news-meta.html', kind: 'article', what: 'news article with NewsArticle JSON-LD and og:type', phrase: 'reportedly', signals: ['declared-article', 'og-article'] },
  { path: 'fixtures/kind-news-plain.html', kind: 'article', what: 'news article without any metadata, built of divs', phrase: 'reportedly', signals: ['headline', 'byline', 'prose'] },
  { path: 'fixtures/kind-blog.html', kind: 'article', what: 'blog post (BlogPosting microdata), comments, widgets', phrase: 'apparently', signals: ['declared-article'] },
  { path: 'fixtures/kind-opinion.html', kind: 'article', what: 'opinion column (OpinionNewsArticle in a JSON-LD @graph)', phrase: 'Critics say', signals: ['declared-article'] },
  { path: 'fixtures/kind-liveblog.html', kind: 'article', what: 'live blog: timestamped updates, each an <article> with share buttons (LiveBlogPosting)', phrase: 'reportedly', signals: ['declared-article'] },
  { path: 'fixtures/kind-reference.html', kind: 'article', what: 'reference article shaped like an encyclopedia page, no metadata', phrase: 'believe', signals: ['headline', 'prose'] },
  { path: 'fixtures/kind-product.html', kind: 'other', what: 'product page: price, Add to cart, description, reviews', phrase: 'may', signals: ['declared-other', 'commerce'] },
  { path: 'fixtures/kind-docs.html', kind: 'other', what: 'documentation page: topic menu, code listings, options table', phrase: 'might', signals: ['docs'] },
  { path: 'fixtures/kind-search.html', kind: 'other', what: 'search results: the query in a search box, results with snippets', phrase: 'reportedly', signals: ['search-results'] },
  { path: 'fixtures/kind-forum.html', kind: 'other', what: 'forum thread: posts by members with Reply / Quote, a reply box', phrase: 'Apparently', signals: ['posts'] },
  { path: 'fixtures/kind-feed.html', kind: 'other', what: 'social feed: composer, short posts with Reply / Repost / Like', phrase: 'Apparently', signals: ['posts'] },
  { path: 'fixtures/kind-webmail.html', kind: 'other', what: 'webmail-like app shell: folders, toolbar, message grid, reading pane', phrase: 'apparently', signals: ['app'] },
  { path: 'fixtures/kind-front.html', kind: 'other', what: 'front page of teaser cards', phrase: 'reportedly', signals: ['teasers'] },
];
