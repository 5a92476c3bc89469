//! Threads for work that mostly waits on the disk rather than the CPU.

/// How many. Listing folders and reading files is mostly waiting when the
/// disk cache is cold (the first build in a while): the 5,000-issue
/// benchmark archive loaded in 1.2–1.6 s with one thread per core and in
/// 0.6 s with 16, and a warm cache was no slower.
const THREADS: usize = 16;

/// Runs `work`, and the parallel iterators in it, on a pool of `THREADS`
/// threads made for it, or on the global pool if none can be made.
pub(crate) fn on_waiting_threads<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(THREADS)
        .thread_name(|i| format!("boletin-io-{i}"))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}
