#include "providers/google_batch.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace cadenced::providers;

TEST_CASE("google batch: the request body, one HTTP request per part", "[unit][providers]") {
    const std::vector<batch_part> parts{
        {"POST", "/calendar/v3/calendars/primary/events?sendUpdates=none", {{"Content-Type", "application/json"}}, "{\"a\":1}"},
        {"DELETE", "/calendar/v3/calendars/primary/events/abc123?sendUpdates=none", {}, ""},
    };
    CHECK(batch_request_body(parts, "b0und") ==
          "--b0und\r\n"
          "Content-Type: application/http\r\n"
          "Content-ID: <item-0>\r\n"
          "\r\n"
          "POST /calendar/v3/calendars/primary/events?sendUpdates=none HTTP/1.1\r\n"
          "Content-Type: application/json\r\n"
          "Content-Length: 7\r\n"
          "\r\n"
          "{\"a\":1}\r\n"
          "--b0und\r\n"
          "Content-Type: application/http\r\n"
          "Content-ID: <item-1>\r\n"
          "\r\n"
          "DELETE /calendar/v3/calendars/primary/events/abc123?sendUpdates=none HTTP/1.1\r\n"
          "\r\n"
          "\r\n"
          "--b0und--\r\n");
}

TEST_CASE("google batch: answers are read by their Content-ID, in any order", "[unit][providers]") {
    // The shape Google documents: each part an HTTP response of its own.
    const std::string body =
        "--batch_xyz\r\n"
        "Content-Type: application/http\r\n"
        "Content-ID: <response-item-1>\r\n"
        "\r\n"
        "HTTP/1.1 204 No Content\r\n"
        "\r\n"
        "\r\n"
        "--batch_xyz\r\n"
        "Content-Type: application/http\r\n"
        "Content-ID: <response-item-0>\r\n"
        "\r\n"
        "HTTP/1.1 429 Too Many Requests\r\n"
        "Content-Type: application/json; charset=UTF-8\r\n"
        "Retry-After: 3\r\n"
        "\r\n"
        "{\"error\":{\"errors\":[{\"reason\":\"rateLimitExceeded\"}],\"code\":429}}\r\n"
        "--batch_xyz--\r\n";
    const auto answers = parse_batch_response("multipart/mixed; boundary=batch_xyz", body);
    REQUIRE(answers.size() == 2);
    CHECK(answers.at(1).status == 204);
    CHECK(answers.at(1).body.empty());
    CHECK(answers.at(0).status == 429);
    CHECK(answers.at(0).headers.at("retry-after") == "3");
    CHECK(answers.at(0).body == "{\"error\":{\"errors\":[{\"reason\":\"rateLimitExceeded\"}],\"code\":429}}");

    CHECK(parse_batch_response("multipart/mixed; boundary=\"batch_xyz\"", body).size() == 2);
    CHECK_THROWS_AS(parse_batch_response("application/json", body), std::runtime_error);
    CHECK_THROWS_AS(parse_batch_response("multipart/mixed; boundary=b",
                                         "--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}\r\n--b--"),
                    std::runtime_error);  // no Content-ID
}
