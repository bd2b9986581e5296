// The Wasm glue that `cargo xtask build` generates into extension/wasm/ (wasm-bindgen
// --target web --no-typescript): the functions core/engine.js and core/watchlist.js
// call, typed by what src/wasm.rs and watchlist/src return.

declare module '*/wasm/caveat.js' {
  type Report = import('../../../extension/core/report.js').Report;
  type RuleDoc = import('../../../extension/core/report.js').RuleDoc;
  type InitInput = { module_or_path: string | URL | WebAssembly.Module | Promise<WebAssembly.Module | string | URL> };
  export default function init(input?: InitInput): Promise<{ memory: WebAssembly.Memory }>;
  /** The same instance, made at once from a compiled module (`new WebAssembly.Instance`). */
  export function initSync(input: { module: WebAssembly.Module }): { memory: WebAssembly.Memory };
  export function analyze(text: string): Report;
  export function analyzeFrom(text: string, from: number): Report;
  export function loadModel(name: string, bytes: Uint8Array): void;
  export function rules(): RuleDoc[];
  export function version(): string;
}

// The watch-list's two builds (with /patterns/, and phrases only) bind the same functions.
declare module '*/wasm/watchlist.js' {
  type InitInput = { module_or_path: string | URL | WebAssembly.Module | BufferSource | Promise<unknown> };
  export default function init(input?: InitInput): Promise<unknown>;
  /** Why a pattern cannot be an entry (the regex crate's message), else undefined. */
  export function check(pattern: string): string | undefined;
  /** The rule's docs: [id, category, name, message, why, example, strength]. */
  export function rule(): string[];
  export class Watcher {
    constructor(patterns: string[]);
    /** Every match as three numbers: UTF-16 start, end, and the entry's index. */
    find(text: string): Uint32Array;
    free(): void;
  }
}

declare module '*/wasm/watchlist_phrases.js' {
  type InitInput = { module_or_path: string | URL | WebAssembly.Module | BufferSource | Promise<unknown> };
  export default function init(input?: InitInput): Promise<unknown>;
  /** Why a pattern cannot be an entry (the regex crate's message), else undefined. */
  export function check(pattern: string): string | undefined;
  /** The rule's docs: [id, category, name, message, why, example, strength]. */
  export function rule(): string[];
  export class Watcher {
    constructor(patterns: string[]);
    /** Every match as three numbers: UTF-16 start, end, and the entry's index. */
    find(text: string): Uint32Array;
    free(): void;
  }
}

// Mozilla's Readability, vendored by `cargo xtask build` into extension/vendor/ and
// imported by page/article.js when a page needs it.
declare module '*/vendor/readability.js' {
  export const Readability: any;
  export function isProbablyReaderable(doc: Document, options?: object): boolean;
}
