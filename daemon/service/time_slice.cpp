#include "daemon/service/time_slice.h"

#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace cadenced::service {

namespace {

/// The first version of the kernel's struct sched_attr (48 bytes). glibc
/// before 2.41 declares neither it nor the calls, and <linux/sched/types.h>
/// clashes with <sched.h>, so it is spelled out here under its own name.
struct kernel_sched_attr {
    std::uint32_t size;
    std::uint32_t sched_policy;
    std::uint64_t sched_flags;
    std::int32_t sched_nice;
    std::uint32_t sched_priority;
    std::uint64_t sched_runtime;  ///< for SCHED_OTHER/SCHED_BATCH: the slice, ns
    std::uint64_t sched_deadline;
    std::uint64_t sched_period;
};
static_assert(sizeof(kernel_sched_attr) == 48);

constexpr std::uint64_t reset_on_fork_flag = 0x01;  // SCHED_FLAG_RESET_ON_FORK

bool get_attr(pid_t tid, kernel_sched_attr& attr) {
    attr = {};
    return ::syscall(SYS_sched_getattr, tid, &attr, sizeof attr, 0) == 0;
}

// The policies whose threads have a slice of their own to set.
bool has_own_slice(const kernel_sched_attr& attr) {
    return attr.sched_policy == SCHED_OTHER || attr.sched_policy == SCHED_BATCH;
}

}  // namespace

std::error_code request_time_slice(std::chrono::microseconds slice) {
    kernel_sched_attr current;
    if (!get_attr(0, current)) return {errno, std::system_category()};
    if (!has_own_slice(current)) return std::make_error_code(std::errc::operation_not_supported);
    // The same policy and nice value, so that nothing but the slice changes
    // and no privilege is needed; of the flags only reset-on-fork is the
    // thread's own setting, the others ask for changes.
    kernel_sched_attr wanted{};
    wanted.size = sizeof wanted;
    wanted.sched_policy = current.sched_policy;
    wanted.sched_flags = current.sched_flags & reset_on_fork_flag;
    wanted.sched_nice = current.sched_nice;
    wanted.sched_runtime = static_cast<std::uint64_t>(std::chrono::nanoseconds{slice}.count());
    if (::syscall(SYS_sched_setattr, 0, &wanted, 0) != 0) return {errno, std::system_category()};
    return {};
}

std::optional<std::chrono::nanoseconds> time_slice(pid_t tid) {
    kernel_sched_attr attr;
    if (!get_attr(tid, attr) || !has_own_slice(attr) || attr.sched_runtime == 0) return std::nullopt;
    return std::chrono::nanoseconds{attr.sched_runtime};
}

}  // namespace cadenced::service
