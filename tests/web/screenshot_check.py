#!/usr/bin/python3
"""Loads the year page in headless Chromium and checks that it really shows
the meetings: chip links in the DOM, and each kind's chip colour on screen.

    screenshot_check.py SAMPLE_EXE OUT_DIR
        Writes the FY2028 sample page of the default rhythm twice with
        SAMPLE_EXE (web_sample_page), as the "all" feed and as the "company"
        feed shows it, and checks both against the default rhythm's numbers.
    screenshot_check.py --url URL [--expect-links N] [--out OUT_DIR]
        Checks a page served elsewhere (http://..., or file:///... for an
        HTML file; a plain path is taken as a file): every default kind that
        has chips in the DOM must show its colour on screen.

Screenshots are kept in OUT_DIR (default: a temp dir) for a look by eye.
Prints "N passed, M failed"; exits 0 when all passed, 1 otherwise, and 77
(skipped) when Chromium or Pillow is missing.
"""

import argparse
import html.parser
import os
import shutil
import signal
import subprocess
import sys
import tempfile

CHROMIUM_TIMEOUT_S = 60
WINDOW = (1400, 2400)

# Chip colours of the default kinds (daemon/web/kind_colours.cpp). Timed
# meetings are solid chips; all-day deadlines are tinted chips whose left
# edge is a 3 px bar of the exact colour.
SOLID = {
    "cadence-call": (0x43, 0x38, 0xCA),
    "offsite": (0xBE, 0x12, 0x3C),
    "monthly-meeting": (0x03, 0x69, 0xA1),
    "monday-with-managers": (0x7E, 0x22, 0xCE),
}
BARRED = {
    "cadence-agenda-due": (0xC2, 0x41, 0x0C),
    "cadence-follow-up": (0x0F, 0x76, 0x6E),
    "offsite-prework": (0xA1, 0x62, 0x07),
}
BUSY = [(0xE3, 0xE6, 0xEA), (0xD3, 0xD8, 0xDE)]
TODAY = (0xE1, 0x1D, 0x48)

# Pixels of exact colour one visible chip shows at least (text and rounded
# corners take the rest), and at most (a chip wrapping to several lines).
SOLID_PER_CHIP = (1200, 4500)
BAR_PER_CHIP = (80, 400)


class chip_collector(html.parser.HTMLParser):
    """Chip links (<a class="chip ...">) and busy chips (<span class="chip busy">)."""

    def __init__(self):
        super().__init__()
        self.links = []  # (data-kind, href)
        self.busy = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "chip" not in classes:
            return
        if tag == "a":
            self.links.append((a.get("data-kind"), a.get("href")))
        elif tag == "span" and "busy" in classes:
            self.busy += 1


def run_chromium(args):
    """Runs Chromium in its own process group, killing the whole group on timeout."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=CHROMIUM_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError("chromium did not finish within %d s" % CHROMIUM_TIMEOUT_S)
    return proc.returncode, out.decode("utf-8", "replace")


def chromium_args(profile, url, extra):
    return [
        shutil.which("chromium") or "/usr/bin/chromium",
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile,
        # Exact sRGB pixels at scale 1, so chip colours can be counted.
        "--force-color-profile=srgb", "--force-device-scale-factor=1", "--hide-scrollbars",
        "--window-size=%d,%d" % WINDOW,
    ] + extra + [url]


def load(url, png):
    """The page's DOM after load, and its screenshot written to `png`."""
    with tempfile.TemporaryDirectory(prefix="cadenced-chromium-") as profile:
        rc, _ = run_chromium(chromium_args(profile, url, ["--screenshot=" + png]))
        if rc != 0 or not os.path.exists(png):
            raise RuntimeError("chromium exited %d without a screenshot of %s" % (rc, url))
    with tempfile.TemporaryDirectory(prefix="cadenced-chromium-") as profile:
        rc, dom = run_chromium(chromium_args(profile, url, ["--dump-dom"]))
        if rc != 0 or "</html>" not in dom:
            raise RuntimeError("chromium exited %d without a DOM of %s" % (rc, url))
    return dom


def colour_counts(png):
    from PIL import Image

    with Image.open(png) as im:
        rgb = im.convert("RGB")
        return {c: n for n, c in rgb.getcolors(maxcolors=rgb.width * rgb.height)}


class check:
    def __init__(self, name):
        self.name = name
        self.failures = []

    def expect(self, ok, what):
        if not ok:
            self.failures.append(what)


def kinds_in(links):
    counts = {}
    for kind, _ in links:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def check_colours(c, pixels, kinds, visible_share):
    """Each default kind with chips shows its colour in a plausible amount.
    `visible_share` is the least share of a kind's chips the window shows."""
    for kind, colour in list(SOLID.items()) + list(BARRED.items()):
        chips = kinds.get(kind, 0)
        got = pixels.get(colour, 0)
        per_chip = SOLID_PER_CHIP if kind in SOLID else BAR_PER_CHIP
        if chips == 0:
            c.expect(got == 0, "%s: no chips in the DOM, yet %d pixels of its colour" % (kind, got))
            continue
        low = max(1, int(chips * visible_share)) * per_chip[0]
        high = chips * per_chip[1] + 2000  # plus the legend swatch and the upcoming list's dot
        c.expect(low <= got <= high, "%s: %d pixels of #%02x%02x%02x for %d chips, expected %d-%d"
                 % (kind, got, colour[0], colour[1], colour[2], chips, low, high))


def check_sample(view, sample_exe, out_dir):
    """The FY2028 sample (today 2027-03-16) as feed `view` shows it."""
    c = check("sample page, %s feed" % view)
    html_path = os.path.join(out_dir, "web_year_%s.html" % view)
    png = os.path.join(out_dir, "web_year_%s.png" % view)
    subprocess.run([sample_exe, html_path, view], check=True, timeout=CHROMIUM_TIMEOUT_S)
    dom = load("file://" + os.path.abspath(html_path), png)
    chips = chip_collector()
    chips.feed(dom)
    kinds = kinds_in(chips.links)

    expected = {"cadence-call": 4, "cadence-agenda-due": 4, "cadence-follow-up": 4, "offsite-prework": 4,
                "monday-with-managers": 4, "monthly-meeting": 4, "offsite": 16}
    if view == "company":
        del expected["offsite"]
    c.expect(kinds == expected, "chip links by kind: %s, expected %s" % (kinds, expected))
    c.expect(len(chips.links) == sum(expected.values()),
             "%d chip links, expected %d" % (len(chips.links), sum(expected.values())))
    c.expect(all(href.startswith("/agenda/") and href.endswith("@cadenced") for _, href in chips.links),
             "a chip link does not point at an agenda")
    c.expect(len(set(href for _, href in chips.links)) == len(chips.links), "two chips link to the same agenda")
    c.expect(chips.busy == (16 if view == "company" else 0), "%d busy chips" % chips.busy)
    if view == "company":
        c.expect("offsite-FY" not in dom and "ELT offsite" not in dom, "the company view names the offsite")

    pixels = colour_counts(png)
    # The window shows Q1 to Q3 whole and the top of Q4.
    check_colours(c, pixels, kinds, 0.75)
    c.expect(pixels.get(TODAY, 0) >= 150, "today's ring and badge are missing")
    busy = sum(pixels.get(b, 0) for b in BUSY)
    if view == "company":
        c.expect(busy >= 16 * 0.75 * 500, "busy chips show %d hatch pixels" % busy)
    else:
        c.expect(busy < 200, "%d busy hatch pixels in a view without busy chips" % busy)
    return c


def check_url(url, expect_links, out_dir):
    """A page served elsewhere: its chips and colours agree."""
    c = check("page at " + url)
    png = os.path.join(out_dir, "web_year_url.png")
    dom = load(url, png)
    chips = chip_collector()
    chips.feed(dom)
    c.expect(len(chips.links) + chips.busy > 0, "no chips at all")
    if expect_links is not None:
        c.expect(len(chips.links) == expect_links, "%d chip links, expected %d" % (len(chips.links), expect_links))
    kinds = kinds_in(chips.links)
    pixels = colour_counts(png)
    for kind, colour in list(SOLID.items()) + list(BARRED.items()):
        if kinds.get(kind):
            c.expect(pixels.get(colour, 0) >= BAR_PER_CHIP[0], "%s has chips but no pixels of its colour" % kind)
    return c


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sample_exe", nargs="?", help="web_sample_page")
    parser.add_argument("out_dir", nargs="?", help="where the pages and screenshots go")
    parser.add_argument("--url", help="check this page instead (http://, file://, or a path)")
    parser.add_argument("--html", help="check this HTML file instead (same as --url with its path)")
    parser.add_argument("--expect-links", type=int, help="with --url: the number of chip links")
    parser.add_argument("--out", help="with --url: where the screenshot goes")
    args = parser.parse_args()

    chromium = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
    try:
        import PIL  # noqa: F401
    except ImportError:
        print("skipped: Pillow is not installed for %s" % sys.executable)
        return 77
    if chromium is None:
        print("skipped: chromium is not installed")
        return 77

    url = args.url or args.html
    if url is None and not (args.sample_exe and args.out_dir):
        parser.error("give SAMPLE_EXE OUT_DIR, or --url URL")

    results = []
    try:
        if url is not None:
            if "://" not in url:
                url = "file://" + os.path.abspath(url)
            out_dir = args.out or tempfile.mkdtemp(prefix="cadenced-web-")
            os.makedirs(out_dir, exist_ok=True)
            results.append(check_url(url, args.expect_links, out_dir))
        else:
            os.makedirs(args.out_dir, exist_ok=True)
            for view in ("all", "company"):
                results.append(check_sample(view, args.sample_exe, args.out_dir))
    except (RuntimeError, subprocess.SubprocessError, OSError) as e:
        print("error: %s" % e)
        print("0 passed, 1 failed")
        return 1

    failed = [r for r in results if r.failures]
    for r in failed:
        for f in r.failures:
            print("FAILED %s: %s" % (r.name, f))
    print("%d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
