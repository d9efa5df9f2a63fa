// Writes the year page of the embedded default rhythm for FY2028, as on
// Tuesday 16 March 2027 (the first day of the Q1 offsite), for the
// screenshot check (screenshot_check.py).
//   web_sample_page OUT.html [FEED]    FEED: "all" (default) or "company"

#include "daemon/web/pages.h"
#include "sample_year.h"

#include <exception>
#include <fstream>
#include <iostream>

using namespace std::chrono;

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: web_sample_page OUT.html [all|company]\n";
        return 2;
    }
    try {
        const std::string feed = argc == 3 ? argv[2] : "all";
        const auto page = cadenced::web::year_page(web_test::fy2028_input(feed, year{2027} / March / 16));
        std::ofstream out{argv[1], std::ios::binary};
        out << page;
        out.close();
        if (!out) {
            std::cerr << "web_sample_page: cannot write " << argv[1] << "\n";
            return 1;
        }
    } catch (const std::exception& e) {
        std::cerr << "web_sample_page: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
