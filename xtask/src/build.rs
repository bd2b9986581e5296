//! `cargo xtask build`: the Wasm core, the extension for Chromium and Firefox
//! (unpacked folders and zips under dist/) and the playground (dist/www).
//!
//! dist/
//!   chromium/ firefox/          unpacked extensions (one manifest serves both)
//!   caveat-chromium.zip  caveat-firefox.zip
//!   www/                        the playground; ext/{core,page,ui,wasm} are the extension's modules

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
        copy_wasm(&wasm_dir, &out.join("wasm"))?;
        let zip = dist.join(format!("caveat-{browser}.zip"));
        zip_dir(&out, &zip)?;
    }
    playground(&wasm_dir, &dist.join("www"))?;
    report_sizes(&wasm_dir, &dist)
}

/// Build the Wasm and run wasm-bindgen (`--target web`); returns the glue's folder.
pub fn wasm() -> Result<PathBuf> {
    crate::setup::wasm_target()?;
    crate::setup::wasm_bindgen_cli()?;
    run(Command::new("cargo").args(["build", "--target", "wasm32-unknown-unknown", "--profile", "wasm", "--lib"]))?;
    let target = target_dir();
    let out = target.join("wasm-bindgen");
    fresh_dir(&out)?;
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--remove-name-section", "--out-dir"])
        .arg(&out)
        .arg(target.join("wasm32-unknown-unknown").join("wasm").join("caveat.wasm")))?;
    Ok(out)
}

/// Cargo's target folder (`CARGO_TARGET_DIR` when set, relative to the project root).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

fn copy_wasm(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for name in ["caveat.js", "caveat_bg.wasm"] {
        copy_file(&from.join(name), &to.join(name))?;
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
    copy_wasm(wasm_dir, &ext.join("wasm"))
}

fn report_sizes(wasm_dir: &Path, dist: &Path) -> Result {
    let wasm = fs::read(wasm_dir.join("caveat_bg.wasm")).map_err(|e| e.to_string())?;
    eprintln!("Wasm: {} bytes raw, {} bytes gzip (level 9)", wasm.len(), gzip_len(&wasm));
    for browser in BROWSERS {
        let zip = dist.join(format!("caveat-{browser}.zip"));
        let size = fs::metadata(&zip).map(|m| m.len()).unwrap_or(0);
        eprintln!("{}: {size} bytes", zip.strip_prefix(root()).unwrap_or(&zip).display());
    }
    Ok(())
}

/// Size of `bytes` after `gzip -9`: what a server would send, the budget's unit.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    match enc.write_all(bytes).and_then(|()| enc.finish()) {
        Ok(out) => out.len(),
        Err(_) => 0,
    }
}

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
