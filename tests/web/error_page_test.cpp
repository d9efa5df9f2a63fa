#include "daemon/web/pages.h"

#include <catch2/catch.hpp>

using cadenced::web::error_page;

TEST_CASE("error page: status, reason and escaped message", "[unit][web][error]") {
    const std::string page = error_page(404, "No agenda <b>x</b> & co");
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(page.find("<title>404 Not Found</title>") != std::string::npos);
    CHECK(page.find("<p class=\"status\">404</p>") != std::string::npos);
    CHECK(page.find("<h1>Not Found</h1>") != std::string::npos);
    CHECK(page.find("<p>No agenda &lt;b&gt;x&lt;/b&gt; &amp; co</p>") != std::string::npos);
    CHECK(page.find("<b>x</b>") == std::string::npos);
    CHECK(page.find("href=\"/\"") != std::string::npos);
}

TEST_CASE("error page: an unlisted status gets a generic reason", "[unit][web][error]") {
    CHECK(error_page(599, "").find("<title>599 Server Error</title>") != std::string::npos);
    CHECK(error_page(418, "").find("<h1>Error</h1>") != std::string::npos);
    CHECK(error_page(405, "").find("<h1>Method Not Allowed</h1>") != std::string::npos);
}
