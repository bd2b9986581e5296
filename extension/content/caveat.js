// @ts-check
/**
 * The content script's page work, bundled with everything it imports into one
 * classic script (`cargo xtask build`: esbuild, --format=iife) that the manifest
 * injects right after content/boot.js: no module graph to load. Readability, needed
 * only on pages whose article is not plain (page/collect.js), stays out of the bundle
 * and is imported from the extension when first needed (vendor/readability.js).
 *
 * Starts content/controller.js, which decides whether Caveat runs here and then starts
 * page/main.js with the reading UI to mount, with what content/boot.js began: when the content script started, the
 * Wasm core's compile, the settings' reading and (on a page that looks like an
 * article) the models' requests.
 */
import { init } from './controller.js';
import { useReadability } from '../page/article.js';
import { analyseAhead } from '../page/main.js';
import { highlightsSupported } from '../page/marks.js';
import { pageKind } from '../page/page-kind.js';
import { timings } from '../page/timings.js';

(() => {
  const boot = globalThis.caveatBoot;
  if (!boot) return; // content/boot.js left this frame alone
  delete globalThis.caveatBoot;
  const { api, startedAt, wasm, settings, modelRequests } = boot;
  timings.startedAt = startedAt;
  // The module's extension URL (a relative specifier would resolve against the page
  // in Firefox). It is our own packaged file, never page input.
  // eslint-disable-next-line no-unsanitized/method
  useReadability(() => import(api.runtime.getURL('vendor/readability.js')));
  const startOptions = { startedAt, wasm, models: modelRequests };
  // A page that looks like an article (boot.js has requested the models) and is one:
  // its text is analysed while the settings are read (reading them can take longer
  // than the rest); the marks are drawn when and if the settings say so.
  // The page's kind is decided in a task of its own (this one compiled the bundle).
  let kind = null;
  if (boot.likely && window === window.top && highlightsSupported(window)) {
    setTimeout(() => {
      kind ??= pageKind(document);
      if (kind.article) analyseAhead(api, startOptions);
    }, 0);
  }
  const decided = () => kind;
  init(api, { settings, kind: decided, startOptions }).catch((e) => console.error('Caveat could not start on this page:', e));
})();
