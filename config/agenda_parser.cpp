// The agenda of a meeting: one [[meetings.agenda]] table, or one per day of
// a multi-day block.
#include "config/meeting_parser.h"
#include "config/vocabulary.h"

namespace cadenced::config::detail {

namespace {

std::string indexed(std::string_view key, std::size_t index) {
    return std::string{key} + "[" + std::to_string(index + 1) + "]";
}

schedule::agenda_item parse_item(const table_reader& t, parsed_meeting& out) {
    t.allow_only({"title", "minutes", "owner", "notes", "quarters"});
    schedule::agenda_item item;
    const auto title = t.require("title");
    item.title = title.string();
    out.texts.push_back(reference{item.title, &title.node(), title.subject()});
    item.duration = std::chrono::minutes{t.integer("minutes", 0, 24 * 60).value_or(0)};
    if (const auto owner = t.get("owner")) {
        item.owner = identifier(*owner);
        out.roles.push_back(reference{item.owner, &owner->node(), owner->subject()});
    }
    if (const auto notes = t.get("notes")) {
        const auto& list = notes->array("a list of strings");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const value_reader note{t.doc(), list[i], notes->subject() + "[" + std::to_string(i + 1) + "]"};
            item.notes.push_back(note.string());
            out.texts.push_back(reference{item.notes.back(), &list[i], note.subject()});
        }
    }
    item.quarters = t.distinct_integers("quarters", 1, 4).value_or(std::vector<int>{});
    return item;
}

schedule::agenda_day parse_day(const table_reader& t, parsed_meeting& out) {
    t.allow_only({"title", "items"});
    schedule::agenda_day day;
    if (const auto title = t.get("title")) {
        day.title = title->string();
        out.texts.push_back(reference{day.title, &title->node(), title->subject()});
    }
    const auto items = tables_of(t, "items", "{ title = \"Recap\", minutes = 10, owner = \"ceo\" }");
    for (std::size_t i = 0; i < items.size(); ++i)
        day.items.push_back(parse_item(table_reader{t.doc(), *items[i], t.where().child(indexed("items", i))}, out));
    return day;
}

}  // namespace

std::vector<schedule::agenda_day> parse_agenda(const table_reader& meeting, parsed_meeting& out) {
    std::vector<schedule::agenda_day> days;
    const auto tables = tables_of(meeting, "agenda", "[[meetings.agenda]]");
    for (std::size_t i = 0; i < tables.size(); ++i)
        days.push_back(parse_day(table_reader{meeting.doc(), *tables[i], meeting.where().child(indexed("agenda", i))}, out));

    // One agenda for every day, or one per day of the block.
    const auto count = static_cast<int>(days.size());
    const int block = out.series.days;
    if (count > 1 && count != block) {
        const std::string problem = "has " + std::to_string(count) + " days but the meeting lasts " +
                                    std::to_string(block) + (block == 1 ? " day" : " days") +
                                    " (days = " + std::to_string(block) + "); give one agenda, or one per day";
        // Point at the first agenda day too many, or at `days` when some are missing.
        if (count > block) meeting.doc().fail(*tables[static_cast<std::size_t>(block)], meeting.where().subject("agenda") + " " + problem);
        meeting.fail("days", "is " + std::to_string(block) + " but the agenda has " + std::to_string(count) +
                                 " days; give one agenda, or one per day");
    }
    return days;
}

}  // namespace cadenced::config::detail
