// @ts-check
/**
 * The reading UI's look, shared by the card and sidebar (shadow roots), the
 * popup, the options page and the playground: colour tokens for light and dark
 * (following prefers-color-scheme), controls, focus rings and the category
 * swatches, which repeat the marks' own line styles and colours (core/categories.js).
 */
import { MARK_COLORS } from '../core/categories.js';

export const THEME_CSS = `
:host, :root {
  --cv-mark-hedging: ${MARK_COLORS.hedging}; --cv-mark-sourcing: ${MARK_COLORS.sourcing}; --cv-mark-translation: ${MARK_COLORS.translation};
  --cv-mark-watchlist: ${MARK_COLORS.watchlist};
  --cv-bg: #ffffff; --cv-fg: #1d1d1f; --cv-muted: #55555c; --cv-line: #d4d4da; --cv-soft: #f3f3f6;
  --cv-accent: #1f5fcc; --cv-focus: #1f5fcc; --cv-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  --cv-hedging: #a85f00; --cv-sourcing: #2862d6; --cv-translation: #a8287f; --cv-watchlist: #0b7a3e;
  --cv-error: #b3261e;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :host, :root {
    --cv-bg: #202024; --cv-fg: #ececf1; --cv-muted: #b0b0ba; --cv-line: #45454e; --cv-soft: #2b2b31;
    --cv-accent: #8ab4ff; --cv-focus: #8ab4ff; --cv-shadow: 0 8px 28px rgb(0 0 0 / 0.55);
    --cv-hedging: #ffb84d; --cv-sourcing: #8ab4ff; --cv-translation: #f38bd6; --cv-watchlist: #6fd69a;
    --cv-error: #ffb4ab;
    color-scheme: dark;
  }
}
.cv-ui { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--cv-fg); }
.cv-ui *, .cv-ui *::before, .cv-ui *::after { box-sizing: border-box; }
.cv-ui button {
  font: inherit; color: var(--cv-fg); background: var(--cv-soft); border: 1px solid var(--cv-line);
  border-radius: 6px; padding: 4px 10px; cursor: pointer; text-align: left;
}
.cv-ui button:hover { border-color: var(--cv-muted); }
.cv-ui button:focus-visible, .cv-ui input:focus-visible, .cv-ui select:focus-visible,
.cv-ui [tabindex]:focus-visible { outline: 2px solid var(--cv-focus); outline-offset: 2px; }
.cv-ui .cv-link { background: none; border: none; padding: 0; color: var(--cv-accent); text-decoration: underline; }
.cv-ui .cv-muted { color: var(--cv-muted); }
.cv-ui h2, .cv-ui h3 { margin: 0; font-size: 12px; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: var(--cv-muted); }
.cv-swatch { display: inline-block; flex: none; vertical-align: middle; line-height: 1; }
/* The marks' own line styles, drawn the same way (text-decoration), on a few blanks. */
.cv-swatch::before { content: "\\a0\\a0\\a0\\a0\\a0\\a0"; font: 12px/1 monospace; text-decoration: underline 2px;
  text-underline-offset: 2px; white-space: pre; }
.cv-swatch.hedging::before { text-decoration-style: dotted; text-decoration-color: var(--cv-mark-hedging); }
.cv-swatch.sourcing::before { text-decoration-style: solid; text-decoration-color: var(--cv-mark-sourcing); }
.cv-swatch.translation::before { text-decoration-style: wavy; text-decoration-color: var(--cv-mark-translation); }
.cv-swatch.watchlist::before { text-decoration-style: double; text-decoration-color: var(--cv-mark-watchlist); }
.cv-switch { display: flex; align-items: center; gap: 8px; cursor: pointer; }
.cv-switch input { width: 16px; height: 16px; margin: 0; accent-color: var(--cv-accent); }
`;
