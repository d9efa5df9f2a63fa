#include "daemon/web/html_document.h"

#include "schedule/agenda_render.h"

namespace cadenced::web {

std::string html_document(std::string_view title, std::string_view css, std::string_view body) {
    std::string out;
    out.reserve(css.size() + body.size() + 512);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // Light and dark palettes are both in the sheet; this lets form controls
    // and scrollbars follow the reader's choice too.
    out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
    out += "<title>";
    out += schedule::html_escape(title);
    out += "</title>\n<style>\n";
    out += css;
    out += "</style>\n</head>\n<body>\n";
    out += body;
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace cadenced::web
