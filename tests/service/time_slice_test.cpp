// The serving threads' time slice, asked of the real kernel on throwaway
// threads (each test changes only the thread it runs on).
#include "daemon/service/time_slice.h"

#include <catch2/catch.hpp>

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using cadenced::service::request_time_slice;
using cadenced::service::time_slice;
using namespace std::chrono_literals;

namespace {

pid_t this_thread_id() { return ::gettid(); }

int this_thread_nice() { return ::getpriority(PRIO_PROCESS, static_cast<id_t>(this_thread_id())); }

// Runs `body` on a thread of its own and waits for it.
template <typename Body>
void on_own_thread(Body body) {
    std::thread t{body};
    t.join();
}

// Kernels before 6.12 report no slice, and take none.
bool kernel_has_slices() { return time_slice().has_value(); }

}  // namespace

TEST_CASE("a thread gets the time slice it asks for, its policy and nice value unchanged", "[unit][service]") {
    std::error_code ec;
    int policy = -1;
    int nice_before = 0;
    int nice_after = 0;
    std::optional<std::chrono::nanoseconds> slice;
    on_own_thread([&] {
        // A nice value of its own, which it must keep: raising it needs no
        // privilege, and setting it back would.
        REQUIRE(::setpriority(PRIO_PROCESS, static_cast<id_t>(this_thread_id()), this_thread_nice() + 3) == 0);
        nice_before = this_thread_nice();
        ec = request_time_slice(250us);
        policy = ::sched_getscheduler(0);
        nice_after = this_thread_nice();
        slice = time_slice();
    });
    REQUIRE_FALSE(ec);
    CHECK(policy == SCHED_OTHER);
    CHECK(nice_after == nice_before);
    if (kernel_has_slices()) {
        REQUIRE(slice.has_value());
        CHECK(*slice == 250us);
    }
}

TEST_CASE("the time slice of another thread can be read by its id", "[unit][service]") {
    std::optional<std::chrono::nanoseconds> seen;
    on_own_thread([&] {
        REQUIRE_FALSE(request_time_slice(100us));
        const pid_t me = this_thread_id();
        std::thread reader{[&] { seen = time_slice(me); }};
        reader.join();
    });
    if (kernel_has_slices()) {
        REQUIRE(seen.has_value());
        CHECK(*seen == 100us);
    }
    // This thread never asked: it has the default, whatever that is, not the
    // one the other thread took.
    CHECK(time_slice() != std::optional<std::chrono::nanoseconds>{100us});
}

TEST_CASE("a SCHED_BATCH thread gets the slice and stays batch", "[unit][service]") {
    std::error_code ec;
    int policy = -1;
    std::optional<std::chrono::nanoseconds> slice;
    on_own_thread([&] {
        const sched_param none{};
        REQUIRE(::sched_setscheduler(0, SCHED_BATCH, &none) == 0);
        ec = request_time_slice(500us);
        policy = ::sched_getscheduler(0);
        slice = time_slice();
    });
    REQUIRE_FALSE(ec);
    CHECK(policy == SCHED_BATCH);
    if (kernel_has_slices()) {
        REQUIRE(slice.has_value());
        CHECK(*slice == 500us);
    }
}

TEST_CASE("a SCHED_IDLE thread is left alone", "[unit][service]") {
    std::error_code ec;
    int policy = -1;
    on_own_thread([&] {
        const sched_param none{};
        REQUIRE(::sched_setscheduler(0, SCHED_IDLE, &none) == 0);
        ec = request_time_slice(100us);
        policy = ::sched_getscheduler(0);
    });
    CHECK(ec == std::errc::operation_not_supported);
    CHECK(policy == SCHED_IDLE);
}
