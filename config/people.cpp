#include "config/people.h"

#include "config/vocabulary.h"

#include <map>

namespace cadenced::config::detail {

namespace {

bool looks_like_email(std::string_view s) {
    const auto at = s.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < s.size() && s.find('@', at + 1) == std::string_view::npos &&
           s.find_first_of(" \t<>,;") == std::string_view::npos;
}

schedule::person parse_person(const table_reader& t) {
    t.allow_only({"role", "title", "name", "email", "groups"});
    schedule::person p;
    p.role = identifier(t.require("role"));
    p.title = t.require("title").string();
    if (p.title.empty()) t.fail("title", "must not be empty");
    p.name = t.string("name").value_or("");
    p.email = t.string("email").value_or("");
    if (t.has("email") && !looks_like_email(p.email))
        t.fail("email", "must look like name@example.com, got " + quote(p.email));
    if (const auto groups = t.get("groups")) {
        const auto& list = groups->array("a list of group names such as [\"elt\"]");
        for (std::size_t i = 0; i < list.size(); ++i)
            p.groups.push_back(identifier(value_reader{t.doc(), list[i], groups->subject() + "[" + std::to_string(i + 1) + "]"}));
    }
    return p;
}

}  // namespace

std::vector<schedule::person> parse_people(const table_reader& root) {
    std::vector<schedule::person> people;
    std::map<std::string, std::string> role_owner;  // role id -> "people[N]"
    const auto entries = tables_of(root, "people", "[[people]]");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const table_reader t{root.doc(), *entries[i], entry_scope(*entries[i], "people", i, "role")};
        schedule::person p = parse_person(t);
        const std::string label = "people[" + std::to_string(i + 1) + "]";
        if (auto [it, inserted] = role_owner.emplace(p.role, label); !inserted)
            t.fail("role", quote(p.role) + " is already used by " + it->second);
        people.push_back(std::move(p));
    }
    // Groups are checked once every role is known, so the order of entries
    // does not matter.
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& p = people[i];
        for (std::size_t g = 0; g < p.groups.size(); ++g) {
            if (!role_owner.count(p.groups[g])) continue;
            const toml::node& at = *entries[i]->get_as<toml::array>("groups")->get(g);
            root.doc().fail(at, entry_scope(*entries[i], "people", i, "role").subject("groups[" + std::to_string(g + 1) + "]") +
                                    " " + quote(p.groups[g]) +
                                    " is also a role id; give the group a name no role uses, so attendee lists can tell them apart");
        }
    }
    return people;
}

}  // namespace cadenced::config::detail
