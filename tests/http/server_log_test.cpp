// One debug line per request on the "http" logger, and never a token.
#include "clients.h"
#include "fake_site.h"
#include "server_fixture.h"

#include <catch2/catch.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

using namespace cadenced::http::test;

TEST_CASE("each request is logged at debug with its path but not its query", "[integration][http]") {
    std::ostringstream lines;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines);
    sink->set_pattern("%n %l %v");
    auto log = std::make_shared<spdlog::logger>("http", sink);
    log->set_level(spdlog::level::debug);
    log->flush_on(spdlog::level::debug);
    spdlog::register_logger(log);

    {
        fake_source source;
        running_server server(source);
        const auto feed = fetch(server.url("/feeds/board.ics?token=" + std::string(board_token_in_url)));
        REQUIRE(feed.status == 200);
        fetch(server.url("/feeds/board.ics?token=wrong-guess"));
        fetch(server.url("/"), {}, "HEAD");
        raw_connection raw(server.port());
        raw.send("BAD\r\n\r\n");
        raw.read_until_close();
        server.stop_and_join();

        const auto text = lines.str();
        INFO(text);
        CHECK(text.find("http debug request method=GET path=/feeds/board.ics status=200 bytes=" +
                        std::to_string(feed.body.size()) + "\n") != std::string::npos);
        CHECK(text.find("http debug request method=GET path=/feeds/board.ics status=404 bytes=") != std::string::npos);
        CHECK(text.find("http debug request method=HEAD path=/ status=200 bytes=0\n") != std::string::npos);
        CHECK(text.find("http debug request method=- path=- status=400 bytes=") != std::string::npos);
        CHECK(text.find("token") == std::string::npos);
        CHECK(text.find("s3cr") == std::string::npos);
        CHECK(text.find("wrong-guess") == std::string::npos);
    }
    spdlog::drop("http");
}
