#pragma once

namespace zc {

// Best-effort protection of secrets held in memory: no core dumps (RLIMIT_CORE = 0) and no
// ptrace/proc-mem access by other processes of the same user (PR_SET_DUMPABLE = 0).
// Call first thing in main(). Returns false if a step failed (the app still runs).
bool hardenProcess();

// True if the process is marked non-dumpable and core files are disabled.
bool isProcessHardened();

} // namespace zc
