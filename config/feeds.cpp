#include "config/feeds.h"

#include "config/credential_path.h"
#include "config/vocabulary.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

namespace cadenced::config::detail {

namespace {

// A token travels in URLs, so it keeps to the unreserved characters of RFC
// 3986; 16 is the least that resists guessing, like hosted calendars'
// "secret addresses".
void check_token(const table_reader& t, std::string_view key, const std::string& token) {
    constexpr std::size_t min_length = 16;
    if (token.size() < min_length)
        t.fail(key, "must be at least " + std::to_string(min_length) + " characters, got " + std::to_string(token.size()));
    if (token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~") != std::string::npos)
        t.fail(key, "may hold only letters, digits and - . _ ~ (it goes into URLs)");
}

// The token stored in the file: the first line, without surrounding blanks.
// The file must not be readable by others, as it is the feed's password.
std::string read_token_file(const table_reader& t, const std::string& configured) {
    const std::string path = credential_path(configured);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        t.fail("token_file", "cannot read " + quote(path) + ": " + std::strerror(errno));
    if (st.st_mode & S_IROTH)
        t.fail("token_file", quote(path) + " is readable by every user; make it readable by the service only (chmod 600 or 640)");
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line))
        t.fail("token_file", "cannot read a token from " + quote(path));
    const auto first = line.find_first_not_of(" \t\r");
    const auto last = line.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string{} : line.substr(first, last - first + 1);
}

}  // namespace

std::vector<parsed_feed> parse_feeds(const table_reader& root) {
    std::vector<parsed_feed> feeds;
    std::map<std::string, std::string> name_owner;  // feed name -> "feeds[N]"
    const auto entries = tables_of(root, "feeds", "[[feeds]]");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const table_reader t{root.doc(), *entries[i], entry_scope(*entries[i], "feeds", i, "name")};
        t.allow_only({"name", "title", "meetings", "confidential", "busy_title", "token", "token_file"});
        parsed_feed f{{}, std::nullopt, entries[i], t.where()};
        f.feed.name = identifier(t.require("name"));
        if (auto [it, inserted] = name_owner.emplace(f.feed.name, "feeds[" + std::to_string(i + 1) + "]"); !inserted)
            t.fail("name", quote(f.feed.name) + " is already used by " + it->second);
        f.feed.title = t.string("title").value_or("");
        f.feed.meetings = t.strings("meetings").value_or(std::vector<std::string>{});
        if (auto view = t.get("confidential")) f.feed.confidential = view->choice(confidential_names());
        if (auto busy = t.string("busy_title")) f.feed.busy_title = *busy;
        if (t.has("token") && t.has("token_file"))
            t.fail("token_file", "cannot be used together with token; give one of them");
        if (auto token = t.string("token")) {
            check_token(t, "token", *token);
            f.token = *token;
        } else if (auto file = t.string("token_file")) {
            f.token = read_token_file(t, *file);
            check_token(t, "token_file", *f.token);
        }
        feeds.push_back(std::move(f));
    }
    return feeds;
}

}  // namespace cadenced::config::detail
