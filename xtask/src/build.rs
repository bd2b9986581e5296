//! `cargo xtask build`: the Wasm core, the extension for Chromium and Firefox
//! (unpacked folders and zips under dist/) and the playground (dist/www).
//!
//! dist/
//!   chromium/ firefox/          unpacked extensions (one manifest serves both); the
//!                               content script's modules bundled into content/caveat.js,
//!                               a classic script (Readability left in vendor/, loaded lazily)
//!   caveat-chromium.zip  caveat-firefox.zip
//!   www/                        the playground; ext/{core,page,ui,wasm,vendor} are the extension's modules
//!
//! Third-party browser code is vendored here from tests/e2e/node_modules (pinned by its
//! package-lock.json), never hand-copied into extension/: see `VENDORED`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{root, run, Result};

/// The browsers we package for. The folders are identical today; they are kept
/// apart so a browser-specific tweak never needs a layout change.
pub const BROWSERS: [&str; 2] = ["chromium", "firefox"];

pub fn all() -> Result {
    let wasm_dir = wasm()?;
    let dist = root().join("dist");
    for browser in BROWSERS {
        let out = dist.join(browser);
        fresh_dir(&out)?;
        copy_tree(&root().join("extension"), &out)?;
        write_mark_css(&out)?;
        copy_wasm(&wasm_dir, &out.join("wasm"))?;
        vendor(&out.join("vendor"))?;
        bundle_content_script(&out)?;
        let zip = dist.join(format!("caveat-{browser}.zip"));
        zip_dir(&out, &zip)?;
    }
    playground(&wasm_dir, &dist.join("www"))?;
    report_sizes(&wasm_dir, &dist)
}

/// Build the Wasm modules and run wasm-bindgen (`--target web`); returns the glue's
/// folder: the core (`caveat.js`, `caveat_bg.wasm`) and the reader's watch-list (the
/// `watchlist/` crate, loaded by the extension only when the reader has a list: the
/// core's module carries no regex): `watchlist.js`, `watchlist_bg.wasm` (phrases and
/// /patterns/) and `watchlist_phrases.js`, `watchlist_phrases_bg.wasm` (phrases only,
/// no regex crate: what a list without patterns loads).
pub fn wasm() -> Result<PathBuf> {
    crate::setup::wasm_target()?;
    crate::setup::wasm_bindgen_cli()?;
    let target = target_dir();
    let out = target.join("wasm-bindgen");
    fresh_dir(&out)?;
    let built = |name: &str| target.join("wasm32-unknown-unknown").join("wasm").join(format!("{name}.wasm"));
    let bindgen = |wasm: PathBuf, out_name: &str| {
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--remove-name-section", "--out-name", out_name, "--out-dir"])
            .arg(&out)
            .arg(wasm))
    };
    let build = ["build", "--target", "wasm32-unknown-unknown", "--profile", "wasm", "--lib"];
    run(Command::new("cargo").args(build))?;
    bindgen(built("caveat"), "caveat")?;
    // The two watch-list modules are the same file in target/: each is bound before the next build.
    run(Command::new("cargo").args(build).args(["-p", "caveat-watchlist", "--features", "bindings"]))?;
    bindgen(built("watchlist"), "watchlist")?;
    run(Command::new("cargo").args(build).args([
        "-p",
        "caveat-watchlist",
        "--no-default-features",
        "--features",
        "bindings",
    ]))?;
    bindgen(built("watchlist"), "watchlist_phrases")?;
    crate::bench::check_wasm_budget(&out)?;
    Ok(out)
}

/// Cargo's target folder (`CARGO_TARGET_DIR` when set, relative to the project root).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// The content script's module graph (`content/caveat.js` and all it imports: the page
/// work, the reading UI, the Wasm glue) as one classic script, `content/caveat.js`,
/// which the manifest injects after `content/boot.js`: no module graph to load (loading
/// some thirty modules one by one from the extension took longer than all the rest of
/// marking a page, and even one `import()` waits for a fetch). Readability stays out of
/// it (`--external`): most pages' article is plain, and it is imported from
/// `vendor/readability.js` (web accessible) only where it is needed. The sources stay
/// plain modules (the popup, options page, background and playground load them as they
/// are). esbuild (from tests/e2e/node_modules, pinned by its lockfile) only concatenates
/// and scopes them: no minification, so the package stays reviewable.
fn bundle_content_script(out: &Path) -> Result {
    let esbuild = root().join("tests").join("e2e").join("node_modules").join(".bin").join("esbuild");
    if !esbuild.exists() {
        crate::setup::npm_packages()?;
    }
    let entry = out.join("content").join("caveat.js");
    run(Command::new(&esbuild)
        .arg(&entry)
        .args(["--bundle", "--format=iife", "--charset=utf8", "--legal-comments=inline", "--log-level=warning"])
        .args(["--allow-overwrite", "--external:../vendor/readability.js"])
        // `import.meta.url` is where core/engine.js and the Wasm glue find their files by
        // default; the content script hands them the compiled module and the model
        // requests (page/main.js), so those defaults are never used in it.
        .arg("--log-override:empty-import-meta=silent")
        .arg(format!("--outfile={}", entry.display())))?;
    let bundle = fs::read_to_string(&entry).map_err(|e| format!("cannot read {}: {e}", entry.display()))?;
    // The vendored libraries are loaded when needed, never bundled.
    if bundle.contains("function Readability(") {
        return Err("Readability was bundled into content/caveat.js: it must stay a lazily loaded file".into());
    }
    Ok(())
}

/// `page/marks.css`, the stylesheet the manifest injects into pages, from the one
/// source of the marks' look: `MARK_CSS` in page/styles.js, evaluated by Node (the
/// template interpolates the colours), so the two can never disagree.
fn write_mark_css(out: &Path) -> Result {
    let styles = out.join("page").join("styles.js");
    let script = "import(process.argv[1]).then((m) => process.stdout.write(m.MARK_CSS))";
    let url = format!("file://{}", styles.display());
    let result = Command::new("node")
        .args(["--input-type=module", "-e", script, &url])
        .output()
        .map_err(|e| format!("cannot run node to read MARK_CSS: {e}"))?;
    let css = String::from_utf8_lossy(&result.stdout);
    if !result.status.success() || !css.contains("::highlight(caveat-") {
        return Err(format!(
            "{} gave no MARK_CSS: {}",
            styles.display(),
            String::from_utf8_lossy(&result.stderr).trim()
        ));
    }
    let header = "/* Generated by `cargo xtask build` from MARK_CSS in page/styles.js. */";
    fs::write(out.join("page").join("marks.css"), format!("{header}{css}"))
        .map_err(|e| format!("cannot write marks.css: {e}"))
}

/// The learned models the engine fetches when first needed, beside the Wasm as
/// `wasm/<name>.bin`: (name, file in the repository, gzip budget in bytes). The
/// names are `MODELS` in extension/core/engine.js too.
pub const MODELS: [(&str, &str, usize); 3] = [
    ("translation", "src/translation/model.bin", 400 * 1024),
    ("tagger", "src/text/tagger.bin", 400 * 1024),
    ("gate", "src/sourcing/gate.bin", 16 * 1024),
];

fn copy_wasm(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for name in [
        "caveat.js",
        "caveat_bg.wasm",
        "watchlist.js",
        "watchlist_bg.wasm",
        "watchlist_phrases.js",
        "watchlist_phrases_bg.wasm",
    ] {
        copy_file(&from.join(name), &to.join(name))?;
    }
    for (name, file, budget) in MODELS {
        let bytes = fs::read(root().join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        let gz = gzip_len(&bytes);
        if gz > budget {
            return Err(format!("{file} is {gz} bytes gzip -9, over its {budget}-byte budget"));
        }
        copy_file(&root().join(file), &to.join(format!("{name}.bin")))?;
    }
    Ok(())
}

/// dist/www: the playground's files, plus the extension modules it shares.
fn playground(wasm_dir: &Path, out: &Path) -> Result {
    fresh_dir(out)?;
    copy_tree(&root().join("www"), out)?;
    let ext = out.join("ext");
    // The extension modules the playground shares (ui/ once the reading UI exists).
    for shared in ["core", "page", "ui"] {
        let from = root().join("extension").join(shared);
        if from.is_dir() {
            copy_tree(&from, &ext.join(shared))?;
        }
    }
    copy_wasm(wasm_dir, &ext.join("wasm"))?;
    vendor(&ext.join("vendor"))
}

/// A library vendored into the extension: one ES module made of the package's
/// script files (which declare globals) and an `export` of the names they declare.
struct Vendored {
    package: &'static str,
    files: &'static [&'static str],
    exports: &'static [&'static str],
    module: &'static str,
    licence_file: &'static str,
    licence: &'static str,
}

const VENDORED: &[Vendored] = &[Vendored {
    // Finds the article among the page chrome (page/article.js); Firefox's Reader View engine.
    package: "@mozilla/readability",
    files: &["Readability.js", "Readability-readerable.js"],
    exports: &["Readability", "isProbablyReaderable"],
    module: "readability.js",
    licence_file: "LICENSE.md",
    licence: "Apache-2.0",
}];

/// How many `.innerHTML =` assignments the vendored libraries' own sources make:
/// `web-ext lint` sees exactly these in the content-script bundle.
pub fn vendored_inner_html_assignments() -> Result<usize> {
    let mut n = 0;
    for lib in VENDORED {
        for file in lib.files {
            n += lib.read(file)?.matches(".innerHTML = ").count();
        }
    }
    Ok(n)
}

impl Vendored {
    /// The library's npm package, in tests/e2e/node_modules.
    fn package_dir(&self) -> PathBuf {
        root().join("tests").join("e2e").join("node_modules").join(self.package)
    }

    /// One file of the package, as text.
    fn read(&self, name: &str) -> Result<String> {
        fs::read_to_string(self.package_dir().join(name))
            .map_err(|e| format!("cannot read {}/{name}: {e}", self.package))
    }
}

/// Write every `VENDORED` library into `out` (installing the npm packages if missing).
fn vendor(out: &Path) -> Result {
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for lib in VENDORED {
        if !lib.package_dir().join("package.json").exists() {
            crate::setup::npm_packages()?;
        }
        let version = serde_json::from_str::<serde_json::Value>(&lib.read("package.json")?)
            .ok()
            .and_then(|v| v["version"].as_str().map(str::to_owned))
            .ok_or_else(|| format!("{}: no version in package.json", lib.package))?;
        let sources = lib.files.iter().map(|f| lib.read(f)).collect::<Result<Vec<_>>>()?;
        let module = vendored_module(lib, &version, &sources);
        fs::write(out.join(lib.module), module).map_err(|e| format!("cannot write {}: {e}", lib.module))?;
        let licence_name = format!("{}.LICENSE.md", lib.module.trim_end_matches(".js"));
        fs::write(out.join(licence_name), lib.read(lib.licence_file)?).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn vendored_module(lib: &Vendored, version: &str, sources: &[String]) -> String {
    let mut module = format!(
        "// {} {version} ({}; licence text beside this file), vendored by `cargo xtask build`\n\
         // from tests/e2e/node_modules: {}. Do not edit; bump the package instead.\n",
        lib.package,
        lib.licence,
        lib.files.join(", "),
    );
    for src in sources {
        module.push_str(src);
        module.push('\n');
    }
    module.push_str(&format!("export {{ {} }};\n", lib.exports.join(", ")));
    module
}

fn report_sizes(wasm_dir: &Path, dist: &Path) -> Result {
    let wasm = fs::read(wasm_dir.join("caveat_bg.wasm")).map_err(|e| e.to_string())?;
    eprintln!("Wasm: {} bytes raw, {} bytes gzip (level 9)", wasm.len(), gzip_len(&wasm));
    for (file, what) in [("watchlist_bg.wasm", "with a /pattern/"), ("watchlist_phrases_bg.wasm", "with phrases only")]
    {
        let watch = fs::read(wasm_dir.join(file)).map_err(|e| e.to_string())?;
        eprintln!(
            "Wasm watch-list, loaded {what}: {} bytes raw, {} bytes gzip (level 9)",
            watch.len(),
            gzip_len(&watch)
        );
    }
    for (name, file, _) in MODELS {
        let bytes = fs::read(root().join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        eprintln!("model {name}: {} bytes raw, {} bytes gzip (level 9)", bytes.len(), gzip_len(&bytes));
    }
    for browser in BROWSERS {
        let zip = dist.join(format!("caveat-{browser}.zip"));
        let size = fs::metadata(&zip).map(|m| m.len()).unwrap_or(0);
        eprintln!("{}: {size} bytes", zip.strip_prefix(root()).unwrap_or(&zip).display());
    }
    Ok(())
}

pub use crate::util::gzip_len;

fn fresh_dir(dir: &Path) -> Result {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn copy_file(from: &Path, to: &Path) -> Result {
    fs::copy(from, to).map(|_| ()).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// Copy a folder's files recursively, skipping dotfiles and editor leftovers.
fn copy_tree(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name();
        let name_str = name.to_string_lossy();
        if name_str.starts_with('.') || name_str.ends_with('~') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name))?;
        } else {
            copy_file(&path, &to.join(&name))?;
        }
    }
    Ok(())
}

/// Files under `dir`, relative, sorted (so zips are reproducible).
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("cannot read {}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_path_buf());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn zip_dir(dir: &Path, zip_path: &Path) -> Result {
    let file = fs::File::create(zip_path).map_err(|e| format!("cannot create {}: {e}", zip_path.display()))?;
    let mut w = zip::ZipWriter::new(file);
    // A fixed timestamp keeps the zips byte-identical between builds of the same files.
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default());
    for rel in files_under(dir)? {
        // Zip entries use '/' on every platform.
        let name: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        w.start_file(name.join("/"), opts).map_err(|e| format!("zip: {e}"))?;
        let bytes = fs::read(dir.join(&rel)).map_err(|e| e.to_string())?;
        w.write_all(&bytes).map_err(|e| format!("zip: {e}"))?;
    }
    w.finish().map_err(|e| format!("zip: {e}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vendored_module_exports_what_its_scripts_declare() {
        let lib = &VENDORED[0];
        let sources = vec!["function Readability() {}".to_string(), "function isProbablyReaderable() {}".to_string()];
        let module = vendored_module(lib, "9.9.9", &sources);
        assert!(module.starts_with("// @mozilla/readability 9.9.9 (Apache-2.0;"), "{module}");
        assert!(module.contains("function Readability() {}\nfunction isProbablyReaderable() {}\n"));
        assert!(module.ends_with("export { Readability, isProbablyReaderable };\n"));
    }
}
