#pragma once
// The CPU time slice the kernel gives a thread (sched_setattr(2)).

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <system_error>

namespace cadenced::service {

/// Asks the kernel to run the calling thread in turns of `slice` (clamped by
/// the kernel to 0.1-100 ms). Linux 6.12 and later take it as the thread's
/// EEVDF slice: a thread with a short slice that wakes up gets a core sooner
/// from a thread that has been running, at no gain in its share of the CPU.
/// Earlier kernels accept the request and ignore it.
///
/// The thread's policy and nice value stay as they are. A thread that does
/// not run under SCHED_OTHER or SCHED_BATCH (an administrator chose
/// SCHED_IDLE or a real-time policy for it) is left alone, and the answer is
/// std::errc::operation_not_supported; otherwise the system call's error, if
/// any (EPERM under a seccomp filter that denies it).
std::error_code request_time_slice(std::chrono::microseconds slice);

/// The slice of thread `tid` (0: the calling thread) as the kernel reports
/// it; nullopt when it reports none (before Linux 6.12) or cannot be asked.
std::optional<std::chrono::nanoseconds> time_slice(pid_t tid = 0);

}  // namespace cadenced::service
