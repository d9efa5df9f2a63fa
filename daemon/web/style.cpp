#include "daemon/web/style.h"

namespace cadenced::web {

// Colours: text on the page background and on cards is at least 7:1, muted
// text at least 4.5:1, in both palettes. Chip colours are in kind_colours.cpp.
std::string_view base_css() {
    return R"css(:root{--bg:#f3f4f6;--card:#fff;--ink:#16191d;--muted:#4f5865;--line:#d9dde3;--soft:#f5f6f8;
--accent:#3730a3;--today:#e11d48;--code:#eef0f3;--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08)}
@media (prefers-color-scheme:dark){:root{--bg:#0e1116;--card:#161b22;--ink:#e8ebef;--muted:#a2acb8;--line:#2d343d;
--soft:#1b2129;--accent:#a5b4fc;--today:#fb7185;--code:#1f262f;--shadow:none}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
a{color:var(--accent);text-underline-offset:2px}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px;border-radius:3px}
h1,h2,h3{line-height:1.25;margin:0}
code{font:13px/1.45 ui-monospace,"SF Mono","Cascadia Mono","DejaVu Sans Mono",Menlo,Consolas,monospace}
.wrap{max-width:1400px;margin:0 auto;padding:0 24px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 20px;box-shadow:var(--shadow)}
.card>h2{font-size:16px;margin-bottom:10px}
.hint{color:var(--muted);margin:0 0 10px}
.small{font-size:13px}
.masthead{background:var(--card);border-top:4px solid var(--accent);border-bottom:1px solid var(--line)}
.masthead .wrap{padding-top:26px;padding-bottom:18px}
.eyebrow{margin:0 0 4px;color:var(--muted);font-size:12px;font-weight:650;letter-spacing:.08em;text-transform:uppercase}
h1{font-size:30px;letter-spacing:-.015em}
.lede{margin:6px 0 0;color:var(--muted);font-size:16px}
@media (max-width:600px){.wrap{padding:0 14px}h1{font-size:24px}}
@media print{:root{--bg:#fff;--card:#fff;--ink:#000;--muted:#333;--line:#bbb;--soft:#f2f2f2;--shadow:none}
body{font-size:11pt}.masthead{border:0}.wrap{max-width:none;padding:0}a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";
}

std::string_view year_css() {
    return R"css(.fy{display:inline-block;vertical-align:4px;margin-left:8px;padding:3px 11px;border-radius:999px;
background:var(--accent);color:var(--card);font-size:15px;font-weight:700;letter-spacing:.02em}
.jump{display:flex;flex-wrap:wrap;gap:6px;margin-top:14px}
.jump a{padding:4px 12px;border:1px solid var(--line);border-radius:999px;color:var(--ink);text-decoration:none;
font-size:13px;font-weight:600;background:var(--soft)}
.jump a:hover{border-color:var(--accent);color:var(--accent)}
main.wrap{padding-top:22px;padding-bottom:8px}
.overview{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px}
@media (max-width:900px){.overview{grid-template-columns:minmax(0,1fr)}}
.agenda-list{list-style:none;margin:0;padding:0}
.agenda-list li{display:grid;grid-template-columns:9.5em 12px minmax(0,1fr) auto;align-items:center;gap:10px;
padding:6px 0;border-top:1px solid var(--line);font-size:14px}
.agenda-list li:first-child{border-top:0}
.agenda-list time{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.agenda-list .what{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.agenda-list a.what{color:var(--ink);text-decoration:none}
.agenda-list a.what:hover{color:var(--accent);text-decoration:underline}
.agenda-list .meta{color:var(--muted);font-size:13px;white-space:nowrap;font-variant-numeric:tabular-nums}
.dot{width:10px;height:10px;border-radius:50%;background:var(--k)}
.feeds{list-style:none;margin:0 0 12px;padding:0;display:grid;gap:12px}
.feed-title{font-weight:650;margin-bottom:4px}
.tag{display:inline-block;margin-left:6px;padding:0 7px;border-radius:999px;background:var(--code);color:var(--muted);
font-size:12px;font-weight:600;vertical-align:1px}
code.url{display:block;padding:8px 10px;border:1px solid var(--line);border-radius:8px;background:var(--code);
overflow-wrap:anywhere;user-select:all;-webkit-user-select:all}
.feed-links{margin:8px 0 0;display:flex;flex-wrap:wrap;gap:8px}
.button{display:inline-block;padding:5px 12px;border:1px solid var(--line);border-radius:8px;background:var(--card);
color:var(--ink);font-size:13px;font-weight:600;text-decoration:none}
.button:hover{border-color:var(--accent);color:var(--accent)}
.button.primary{background:var(--accent);border-color:var(--accent);color:var(--card)}
.button.primary:hover{filter:brightness(1.15);color:var(--card)}
.head-row{display:flex;flex-wrap:wrap;align-items:flex-end;justify-content:space-between;gap:16px}
.today-box{margin:0;padding:10px 16px;border:1px solid var(--line);border-left:4px solid var(--today);border-radius:10px;
background:var(--soft);font-size:14px;line-height:1.4}
.today-box strong{display:block;font-size:16px}
.today-box span{color:var(--muted)}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:8px 18px;margin:22px 0 4px;padding:12px 16px;
background:var(--card);border:1px solid var(--line);border-radius:12px;font-size:13px}
.legend li{display:flex;align-items:center;gap:7px}
.swatch{width:22px;height:12px;border-radius:3px;background:var(--k)}
.quarter{margin:26px 0 0}
.quarter>h2{font-size:21px;margin:0 0 10px;display:flex;align-items:baseline;gap:12px}
.quarter>h2 span{font-size:14px;font-weight:500;color:var(--muted)}
.months{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px;align-items:start}
@media (max-width:1100px){.months{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (max-width:680px){.months{grid-template-columns:minmax(0,1fr)}}
.month{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 12px 10px;box-shadow:var(--shadow)}
.month h3{font-size:15px;margin:0 2px 8px}
.month table{width:100%;border-collapse:collapse;table-layout:fixed}
/* The default rhythm meets on working days only: narrow weekends leave the
   weekday chips room for whole words. */
.month col{width:17.8%}
.month col.we{width:5.5%}
.month th{padding:0 3px 5px;text-align:left;font-size:11px;font-weight:650;color:var(--muted);
text-transform:uppercase;letter-spacing:.05em}
.month td{height:42px;padding:3px 2px 4px;vertical-align:top;border-top:1px solid var(--line)}
.month td.we{background:var(--soft)}
.month td.pad{background:none}
.day>time{display:block;margin:1px 0 2px 2px;font-size:11px;line-height:16px;color:var(--muted);font-variant-numeric:tabular-nums}
.month td.today{box-shadow:inset 0 0 0 2px var(--today);border-radius:6px}
.month td.today>time{display:inline-block;min-width:18px;padding:0 5px;border-radius:999px;background:var(--today);
color:var(--card);font-weight:700;text-align:center}
.chip{display:block;margin-top:3px;padding:2px 4px 3px;border-radius:5px;background:var(--k);color:#fff;
font-size:10.5px;line-height:1.25;font-weight:550;text-decoration:none;overflow-wrap:break-word;hyphens:auto}
.chip b{display:block;font-weight:700;font-size:10.5px;opacity:.92;font-variant-numeric:tabular-nums}
a.chip:hover{filter:brightness(1.12)}
a.chip:focus-visible{outline:2px solid var(--ink);outline-offset:1px}
.chip.allday,.swatch.allday{background:color-mix(in srgb,var(--k) 13%,var(--card));color:var(--ink);
box-shadow:inset 3px 0 0 var(--k)}
.chip.allday{padding-left:7px}
@media (prefers-color-scheme:dark){.chip.allday,.swatch.allday{background:color-mix(in srgb,var(--k) 26%,var(--card))}}
.chip.busy,.swatch.busy,.dot.busy{background:repeating-linear-gradient(135deg,#e3e6ea 0 5px,#d3d8de 5px 10px);color:#2f3640}
.swatch.today-mark{background:none;box-shadow:inset 0 0 0 2px var(--today)}
.foot{padding-top:18px;padding-bottom:28px;color:var(--muted);font-size:13px}
.foot p{margin:0}
@media (max-width:680px){.agenda-list li{grid-template-columns:10px minmax(0,1fr) auto;gap:2px 10px}
.agenda-list time{grid-column:1/-1}}
@media (max-width:480px){.month{padding:10px 6px 8px}.chip{padding:2px 3px;font-size:9.5px}.chip b{font-size:9.5px}}
/* Landscape: three months side by side need the width of the long edge. */
@page{size:A4 landscape;margin:10mm}
@media print{.jump,.overview,.foot,.today-box{display:none}.quarter{break-inside:avoid}.month{box-shadow:none;padding:6px}
.months{grid-template-columns:repeat(3,minmax(0,1fr));gap:8px}.month td{height:30px}
.chip,.chip b{font-size:6.5pt}.month th{padding:0 1px 4px;letter-spacing:0}}
)css";
}

std::string_view agenda_css() {
    return R"css(.page{max-width:860px;margin:0 auto;padding:22px 24px 40px}
.back{display:inline-block;margin-bottom:14px;font-size:14px;font-weight:600;text-decoration:none}
.back:hover{text-decoration:underline}
article.card{padding:0;overflow:hidden}
.kind-bar{height:6px;background:var(--k,var(--accent))}
.inner{padding:22px 28px 26px}
.inner h1{font-size:26px;margin:2px 0 14px}
.badge{display:inline-block;margin:0 0 14px;padding:2px 10px;border-radius:999px;background:#be123c;color:#fff;
font-size:12px;font-weight:700;letter-spacing:.03em}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:6px 18px;margin:0 0 20px;padding:14px 16px;
background:var(--soft);border:1px solid var(--line);border-radius:10px}
.facts dt{color:var(--muted);font-weight:600}
.facts dd{margin:0}
.cadenced-agenda p{margin:0 0 12px}
.cadenced-agenda h3{font-size:17px;margin:24px 0 10px;padding-top:16px;border-top:1px solid var(--line)}
.cadenced-agenda>ul{list-style:none;margin:0;padding:0}
.cadenced-agenda>ul>li{padding:8px 0 8px;border-top:1px solid var(--line)}
.cadenced-agenda>ul>li:first-child{border-top:0}
.cadenced-agenda>ul>li>b{display:inline-block;min-width:7.5em;font-variant-numeric:tabular-nums;color:var(--accent)}
.cadenced-agenda i{color:var(--muted)}
.cadenced-agenda ul ul{margin:6px 0 0;padding-left:18px;color:var(--muted);font-size:14px}
/* Timed items hang their text and notes after the clock times; browsers
   without :has() keep the times inline, which still reads well. */
@supports selector(li:has(>b)){.cadenced-agenda>ul>li:has(>b){padding-left:7.5em}
.cadenced-agenda>ul>li>b{width:7.5em;margin-left:-7.5em}}
.cadenced-agenda>p>i{display:block;padding:10px 14px;border-left:3px solid var(--accent);background:var(--soft);
border-radius:0 8px 8px 0;font-style:normal;color:var(--ink)}
@media (max-width:600px){.page{padding:14px}.inner{padding:18px}.facts{grid-template-columns:minmax(0,1fr)}
.facts dt{margin-top:6px}}
@media print{.back{display:none}article.card{border:0}.page{padding:0}}
)css";
}

std::string_view error_css() {
    return R"css(.error{max-width:560px;margin:12vh auto 0;padding:0 24px;text-align:center}
.error .status{margin:0;font-size:64px;font-weight:800;letter-spacing:-.03em;color:var(--accent);line-height:1}
.error h1{font-size:22px;margin:10px 0 8px}
.error p{color:var(--muted);margin:0 0 18px;overflow-wrap:anywhere}
)css";
}

}  // namespace cadenced::web
