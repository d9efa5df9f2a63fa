#include "daemon/http/metrics.h"

#include <catch2/catch.hpp>

using cadenced::http::metrics;

TEST_CASE("metrics render the Prometheus text format", "[unit][http]") {
    metrics m;
    m.count_request("feed", 200, 1000);
    m.count_request("feed", 200, 500);
    m.count_request("feed", 304, 0);
    m.count_request("agenda", 404, 120);
    m.count_regeneration();
    m.count_regeneration();
    m.count_reload_failure();
    m.set_connections(3);

    CHECK(m.render() ==
          "# HELP cadenced_http_requests_total HTTP requests answered, by route and status.\n"
          "# TYPE cadenced_http_requests_total counter\n"
          "cadenced_http_requests_total{route=\"agenda\",status=\"404\"} 1\n"
          "cadenced_http_requests_total{route=\"feed\",status=\"200\"} 2\n"
          "cadenced_http_requests_total{route=\"feed\",status=\"304\"} 1\n"
          "# HELP cadenced_http_response_body_bytes_total Body bytes sent in HTTP responses (HEAD and 304 send none).\n"
          "# TYPE cadenced_http_response_body_bytes_total counter\n"
          "cadenced_http_response_body_bytes_total 1620\n"
          "# HELP cadenced_http_open_connections HTTP connections currently open.\n"
          "# TYPE cadenced_http_open_connections gauge\n"
          "cadenced_http_open_connections 3\n"
          "# HELP cadenced_regenerations_total Times the schedule and its feeds were rebuilt.\n"
          "# TYPE cadenced_regenerations_total counter\n"
          "cadenced_regenerations_total 2\n"
          "# HELP cadenced_reload_failures_total Configuration reloads rejected; the previous configuration "
          "stayed in use.\n"
          "# TYPE cadenced_reload_failures_total counter\n"
          "cadenced_reload_failures_total 1\n");
}

TEST_CASE("metrics escape label values", "[unit][http]") {
    metrics m;
    m.count_request("a\"b\\c\nd", 200, 0);
    CHECK(m.render().find("cadenced_http_requests_total{route=\"a\\\"b\\\\c\\nd\",status=\"200\"} 1\n") !=
          std::string::npos);
}
