// [server] and the secret tokens of private feeds.
#include "config_test_support.h"
#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sys/stat.h>

using cadenced::config::parse_listen;
using cadenced::config::testing::error_of;
using cadenced::config::testing::load;

TEST_CASE("server: defaults and values", "[unit][config][server]") {
    const auto plain = load("");
    CHECK(plain.server.listen_address == "127.0.0.1");
    CHECK(plain.server.listen_port == 8470);
    CHECK(plain.server.public_url.empty());
    CHECK(plain.server.threads == 0);
    const auto c = load("[server]\nlisten = \"[::]:8080\"\npublic_url = \"https://rhythm.example.com/\"\nthreads = 1\n");
    CHECK(c.server.listen_address == "::");
    CHECK(c.server.listen_port == 8080);
    CHECK(c.server.public_url == "https://rhythm.example.com");
    CHECK(c.server.threads == 1);
}

TEST_CASE("server: threads is a count from 1 to 64", "[unit][config][server]") {
    CHECK(load("[server]\nthreads = 64\n").server.threads == 64);
    CHECK(error_of("[server]\nthreads = 0\n") == "my.toml:2:11: server.threads must be 1-64, got 0");
    CHECK(error_of("[server]\nthreads = 65\n") == "my.toml:2:11: server.threads must be 1-64, got 65");
    CHECK(error_of("[server]\nthreads = \"auto\"\n") == "my.toml:2:11: server.threads must be an integer, got a string");
}

TEST_CASE("server: listen must be an IP address and a port", "[unit][config][server]") {
    CHECK(parse_listen("0.0.0.0:80") == std::pair<std::string, unsigned short>{"0.0.0.0", 80});
    CHECK(parse_listen("[::1]:65535") == std::pair<std::string, unsigned short>{"::1", 65535});
    CHECK_FALSE(parse_listen("localhost:8470"));
    CHECK_FALSE(parse_listen("127.0.0.1"));
    CHECK_FALSE(parse_listen("127.0.0.1:0"));
    CHECK(parse_listen("127.0.0.1:0", true) == std::pair<std::string, unsigned short>{"127.0.0.1", 0});
    CHECK_FALSE(parse_listen("127.0.0.1:65536"));
    CHECK_FALSE(parse_listen("::1:8470"));
    CHECK_FALSE(parse_listen("[127.0.0.1]:8470"));
    CHECK(error_of("[server]\nlisten = \"localhost:8470\"\n") ==
          "my.toml:2:10: server.listen must be ADDRESS:PORT with an IP address, e.g. \"127.0.0.1:8470\" or "
          "\"[::]:8470\", got \"localhost:8470\"");
    CHECK(error_of("[server]\npublic_url = \"rhythm.example.com\"\n") ==
          "my.toml:2:14: server.public_url must start with http:// or https://, got \"rhythm.example.com\"");
    CHECK(error_of("[server]\nlistn = \"127.0.0.1:80\"\n") == "my.toml:2:1: unknown key \"listn\" in server; did you mean \"listen\"?");
    CHECK(error_of("[server]\nport = 8470\n") == "my.toml:2:1: unknown key \"port\" in server");
}

TEST_CASE("feed tokens: inline, from a file, and their checks", "[unit][config][tokens]") {
    const auto c = load("[[feeds]]\nname = \"elt\"\ntoken = \"s3cret-Token_0123456789\"\n[[feeds]]\nname = \"company\"\n");
    CHECK(c.feed_tokens.at("elt") == "s3cret-Token_0123456789");
    CHECK(c.feed_tokens.count("company") == 0);

    CHECK(error_of("[[feeds]]\nname = \"elt\"\ntoken = \"short\"\n") ==
          "my.toml:3:9: feeds[1] (name \"elt\"): token must be at least 16 characters, got 5");
    CHECK(error_of("[[feeds]]\nname = \"elt\"\ntoken = \"with space 0123456789\"\n") ==
          "my.toml:3:9: feeds[1] (name \"elt\"): token may hold only letters, digits and - . _ ~ (it goes into URLs)");

    test_support::temp_dir dir;
    dir.write("token", "  file-token-0123456789abcdef \n");
    const std::string path = dir.file("token");
    ::chmod(path.c_str(), 0600);
    const auto from_file = load("[[feeds]]\nname = \"elt\"\ntoken_file = \"" + path + "\"\n");
    CHECK(from_file.feed_tokens.at("elt") == "file-token-0123456789abcdef");

    ::chmod(path.c_str(), 0644);
    CHECK(error_of("[[feeds]]\nname = \"elt\"\ntoken_file = \"" + path + "\"\n") ==
          "my.toml:3:14: feeds[1] (name \"elt\"): token_file \"" + path +
              "\" is readable by every user; make it readable by the service only (chmod 600 or 640)");
    CHECK(error_of("[[feeds]]\nname = \"elt\"\ntoken_file = \"" + dir.file("missing") + "\"\n") ==
          "my.toml:3:14: feeds[1] (name \"elt\"): token_file cannot read \"" + dir.file("missing") +
              "\": No such file or directory");
    CHECK(error_of("[[feeds]]\nname = \"elt\"\ntoken = \"s3cret-Token_0123456789\"\ntoken_file = \"" + path + "\"\n") ==
          "my.toml:4:14: feeds[1] (name \"elt\"): token_file cannot be used together with token; give one of them");
}

TEST_CASE("feed tokens: a relative token_file is a systemd credential", "[unit][config][tokens]") {
    test_support::temp_dir credentials;
    credentials.write("elt.token", "credential-token-0123456789\n");
    ::chmod(credentials.file("elt.token").c_str(), 0400);
    ::setenv("CREDENTIALS_DIRECTORY", credentials.path().c_str(), 1);
    const auto c = load("[[feeds]]\nname = \"elt\"\ntoken_file = \"elt.token\"\n");
    ::unsetenv("CREDENTIALS_DIRECTORY");
    CHECK(c.feed_tokens.at("elt") == "credential-token-0123456789");
    // Without credentials it is a path like any other.
    CHECK(error_of("[[feeds]]\nname = \"elt\"\ntoken_file = \"no-such.token\"\n") ==
          "my.toml:3:14: feeds[1] (name \"elt\"): token_file cannot read \"no-such.token\": No such file or directory");
}
