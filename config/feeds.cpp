#include "config/feeds.h"

#include "config/vocabulary.h"

#include <map>

namespace cadenced::config::detail {

std::vector<parsed_feed> parse_feeds(const table_reader& root) {
    std::vector<parsed_feed> feeds;
    std::map<std::string, std::string> name_owner;  // feed name -> "feeds[N]"
    const auto entries = tables_of(root, "feeds", "[[feeds]]");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const table_reader t{root.doc(), *entries[i], entry_scope(*entries[i], "feeds", i, "name")};
        t.allow_only({"name", "title", "meetings", "confidential", "busy_title"});
        parsed_feed f{{}, entries[i], t.where()};
        f.feed.name = identifier(t.require("name"));
        if (auto [it, inserted] = name_owner.emplace(f.feed.name, "feeds[" + std::to_string(i + 1) + "]"); !inserted)
            t.fail("name", quote(f.feed.name) + " is already used by " + it->second);
        f.feed.title = t.string("title").value_or("");
        f.feed.meetings = t.strings("meetings").value_or(std::vector<std::string>{});
        if (auto view = t.get("confidential")) f.feed.confidential = view->choice(confidential_names());
        if (auto busy = t.string("busy_title")) f.feed.busy_title = *busy;
        feeds.push_back(std::move(f));
    }
    return feeds;
}

}  // namespace cadenced::config::detail
