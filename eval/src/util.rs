//! Small helpers shared by the tasks (here and in xtask): where things are, reading
//! files, running commands, arguments.

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The project root (the folder holding the workspace Cargo.toml).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the project").to_path_buf()
}

/// `../shared`, beside the project, if it is there.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("..").join("shared");
    p.is_dir().then_some(p)
}

/// A text file's contents, or an error naming the file.
pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The names of the files in `dir` whose names end with `ending`, sorted.
pub fn file_names(dir: &Path, ending: &str) -> Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(ending))
        .collect();
    names.sort();
    Ok(names)
}

/// Run a command in the project root, echoing it; fail with its name on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("» {}", describe(cmd));
    let status = cmd.current_dir_if_unset().status().map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

/// Run a command and return its stdout, or None if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn have(program: &str) -> bool {
    output(Command::new(program).arg("--version")).is_some()
}

/// A task's arguments for pico-args (`--name value` and `--name=value` both work).
pub fn args(args: &[String]) -> pico_args::Arguments {
    pico_args::Arguments::from_vec(args.iter().map(Into::into).collect())
}

/// Fails on any argument the task did not take, with its usage.
pub fn finish(args: pico_args::Arguments, usage: &str) -> Result {
    match args.finish().first() {
        Some(a) => Err(format!("unknown argument {:?}\nusage: cargo xtask {usage}", a.to_string_lossy())),
        None => Ok(()),
    }
}

/// Size of `bytes` after `gzip -9`: what a server would send, the budget's unit.
pub fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    match enc.write_all(bytes).and_then(|()| enc.finish()) {
        Ok(out) => out.len(),
        Err(_) => 0,
    }
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

trait CurrentDir {
    fn current_dir_if_unset(&mut self) -> &mut Self;
}

impl CurrentDir for Command {
    fn current_dir_if_unset(&mut self) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
        self
    }
}
