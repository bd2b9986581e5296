//! Batch mode: many files and folders in one run, analysed on all cores, reported
//! in input order. At most a few files are in memory at once: a worker does not
//! start a file more than `WINDOW` files ahead of the last one written out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// One input: a path (`-` is standard input).
pub struct Input {
    pub name: String,
}

/// What one input became: its output block, or why it could not be read.
pub type Outcome = Result<String, String>;

/// Files ahead of the output that workers may hold, per worker: enough that one long
/// file does not idle the other cores (2 per worker gave 1.52× on two cores over the
/// PolNeAR test articles, 8 gives 1.60×; 2.0× on four times as many).
const WINDOW: usize = 8;

/// The files named: folders are walked (sorted, recursively) for `.txt`, `.html`
/// and `.htm` files; a path that does not exist stays, to be reported as an error.
pub fn expand(args: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if a != "-" && p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            files.sort();
            out.extend(files.into_iter().map(|f| Input { name: f.to_string_lossy().into_owned() }));
        } else {
            out.push(Input { name: a.clone() });
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        // The entry's type comes with the listing: one system call less per file than
        // `is_dir` (a link is followed, as `is_dir` would).
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir() || (t.is_symlink() && p.is_dir()));
        if is_dir {
            walk(&p, out);
        } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| matches!(x, "txt" | "html" | "htm")) {
            out.push(p);
        }
    }
}

/// Runs `work` on every input with `jobs` threads (the calling one among them) and
/// hands each outcome to `emit` in input order. Returns how many failed.
///
/// With several jobs, the calling thread starts on the first file at once, building
/// the tables it needs as it needs them, while the other workers first share out
/// `loaders` (given in the order a file needs them), each taking the last one left:
/// the tables every file needs are then built on several cores at once, not one after
/// another by the first file's worker while the others wait for each. A loader taken
/// by a worker that is slow to run (another program on its core) holds up the first
/// file only if the file needs that table before the worker is done, as it needs it
/// last. A single file gets a worker for the loaders too; one job leaves the tables to
/// be built on first use, if ever.
///
/// The thread that finishes the next input in order emits it, and any after it that
/// are done: no thread sits waiting to hand outcomes over (with two jobs on two cores,
/// a third thread woken for every file took turns with the workers), and one job runs
/// on the calling thread alone.
pub fn run(
    inputs: &[Input],
    jobs: usize,
    loaders: &[fn()],
    work: impl Fn(&Input) -> Outcome + Sync,
    emit: impl FnMut(&Input, Outcome) + Send,
) -> usize {
    let workers = if inputs.is_empty() { 1 } else { jobs.clamp(1, inputs.len() + usize::from(!loaders.is_empty())) };
    let batch = Batch {
        inputs,
        window: WINDOW * workers,
        loaders,
        loaders_taken: AtomicUsize::new(0),
        next: AtomicUsize::new(0),
        out: Mutex::new(Output { emit, pending: BTreeMap::new(), written: 0, failed: 0, waiting: 0 }),
        room: Condvar::new(),
    };
    std::thread::scope(|s| {
        for _ in 1..workers {
            s.spawn(|| {
                batch.load();
                batch.work(&work);
            });
        }
        batch.work(&work);
    });
    batch.out.into_inner().unwrap_or_else(|e| e.into_inner()).failed
}

/// What the workers of one `run` share.
struct Batch<'a, E> {
    inputs: &'a [Input],
    /// How far ahead of the output a worker may start a file.
    window: usize,
    /// For the workers besides the calling thread to call before their first file,
    /// from the last; and how many are taken.
    loaders: &'a [fn()],
    loaders_taken: AtomicUsize,
    /// The next input to start.
    next: AtomicUsize,
    out: Mutex<Output<E>>,
    /// Signalled when files are written out: there is room to start more.
    room: Condvar,
}

/// The output side: outcomes waiting for the ones before them, and where they go.
struct Output<E> {
    emit: E,
    pending: BTreeMap<usize, Outcome>,
    /// How many inputs are emitted: the next to emit.
    written: usize,
    failed: usize,
    /// Workers waiting for `room`: a signal no one waits for is a system call for
    /// nothing (one a file with one job).
    waiting: usize,
}

impl<E: FnMut(&Input, Outcome)> Batch<'_, E> {
    /// Calls the last loader left until none is left.
    fn load(&self) {
        let last = |taken: usize| self.loaders.len().checked_sub(taken + 1);
        while let Some(load) =
            last(self.loaders_taken.fetch_add(1, Ordering::Relaxed)).and_then(|i| self.loaders.get(i))
        {
            load();
        }
    }

    /// One worker: starts inputs until there are none left, emitting what is in order.
    fn work(&self, work: &impl Fn(&Input) -> Outcome) {
        let lock = || self.out.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = self.inputs.get(i) else { break };
            let mut out = lock();
            while i >= out.written + self.window {
                out.waiting += 1;
                out = self.room.wait(out).unwrap_or_else(|e| e.into_inner());
                out.waiting -= 1;
            }
            drop(out);
            let outcome = work(input);
            let mut guard = lock();
            let out = &mut *guard;
            out.pending.insert(i, outcome);
            let before = out.written;
            while let Some(outcome) = out.pending.remove(&out.written) {
                out.failed += usize::from(outcome.is_err());
                let at = out.written;
                if let Some(input) = self.inputs.get(at) {
                    (out.emit)(input, outcome);
                }
                out.written += 1;
            }
            if out.written > before && out.waiting > 0 {
                self.room.notify_all();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_come_in_input_order_whatever_finishes_first() {
        let inputs: Vec<Input> = (0..40).map(|i| Input { name: i.to_string() }).collect();
        let mut seen = Vec::new();
        let failed = run(
            &inputs,
            4,
            &[],
            |input| {
                let n: u64 = input.name.parse().unwrap_or(0);
                // Early files take longest.
                std::thread::sleep(std::time::Duration::from_millis((40 - n) / 4));
                if n % 10 == 3 {
                    Err(format!("bad {n}"))
                } else {
                    Ok(input.name.clone())
                }
            },
            |input, outcome| seen.push((input.name.clone(), outcome.is_ok())),
        );
        assert_eq!(failed, 4);
        let names: Vec<String> = seen.iter().map(|s| s.0.clone()).collect();
        assert_eq!(names, (0..40).map(|i| i.to_string()).collect::<Vec<_>>());
    }

    #[test]
    fn one_job_works_and_emits_on_the_calling_thread() {
        let inputs: Vec<Input> = (0..5).map(|i| Input { name: i.to_string() }).collect();
        let caller = std::thread::current().id();
        let mut emitted = 0;
        let failed = run(
            &inputs,
            1,
            &[],
            |input| {
                assert_eq!(std::thread::current().id(), caller);
                Ok(input.name.clone())
            },
            |_, _| {
                assert_eq!(std::thread::current().id(), caller);
                emitted += 1;
            },
        );
        assert_eq!((failed, emitted), (0, 5));
    }

    #[test]
    fn a_worker_ahead_by_the_window_waits_for_the_output_and_is_woken() {
        let inputs: Vec<Input> = (0..100).map(|i| Input { name: i.to_string() }).collect();
        let mut seen = Vec::new();
        let failed = run(
            &inputs,
            2,
            &[],
            |input| {
                // The first file holds the output back while the other worker runs
                // through the window and waits.
                if input.name == "0" {
                    std::thread::sleep(std::time::Duration::from_millis(30));
                }
                Ok(input.name.clone())
            },
            |input, _| seen.push(input.name.clone()),
        );
        assert_eq!(failed, 0);
        assert_eq!(seen, (0..100).map(|i| i.to_string()).collect::<Vec<_>>());
    }

    #[test]
    fn no_inputs_no_work() {
        assert_eq!(run(&[], 3, &[], |_| Ok(String::new()), |_, _| panic!("nothing to emit")), 0);
    }

    #[test]
    fn the_other_workers_call_each_loader_once_from_the_last_one_job_none() {
        use std::cell::Cell;
        thread_local!(static CALLER: Cell<bool> = const { Cell::new(false) });
        static CALLS: [AtomicUsize; 3] = [AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0)];
        static ORDER: Mutex<Vec<usize>> = Mutex::new(Vec::new());
        fn called(k: usize) {
            assert!(!CALLER.get(), "the calling thread starts on the files");
            CALLS[k].fetch_add(1, Ordering::SeqCst);
            ORDER.lock().unwrap_or_else(|e| e.into_inner()).push(k);
        }
        let loaders: [fn(); 3] = [|| called(0), || called(1), || called(2)];
        CALLER.set(true);
        let calls = || CALLS.iter().map(|c| c.load(Ordering::SeqCst)).collect::<Vec<_>>();
        let inputs: Vec<Input> = (0..6).map(|i| Input { name: i.to_string() }).collect();
        let mut emitted = 0;
        run(&inputs, 1, &loaders, |input| Ok(input.name.clone()), |_, _| emitted += 1);
        assert_eq!((calls(), emitted), (vec![0, 0, 0], 6));
        // Two jobs: one worker besides the caller, taking the loaders in turn.
        run(&inputs, 2, &loaders, |input| Ok(input.name.clone()), |_, _| emitted += 1);
        assert_eq!((calls(), emitted), (vec![1, 1, 1], 12));
        assert_eq!(*ORDER.lock().unwrap_or_else(|e| e.into_inner()), [2, 1, 0]);
        // One file still gets a worker for the loaders.
        run(&inputs[..1], 4, &loaders, |input| Ok(input.name.clone()), |_, _| emitted += 1);
        assert_eq!((calls(), emitted), (vec![2, 2, 2], 13));
    }
}
