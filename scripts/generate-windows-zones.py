#!/usr/bin/python3
"""Writes providers/windows_zones_data.inc, the IANA -> Windows time zone
table that providers/windows_zones.cpp searches.

Microsoft Graph names time zones by Windows names ("Eastern Standard Time"),
cadenced by IANA names ("America/New_York"). CLDR's windowsZones.xml is the
standard mapping between the two, but it spells zones the way CLDR did when
the zone first appeared ("Asia/Calcutta", "Europe/Kiev"), while users and
tzdata use the current names ("Asia/Kolkata", "Europe/Kyiv"). So the table
holds every name of every mapZone row; then the other names CLDR itself
gives the same place (bcp47/timezone.xml: "Africa/Asmera Africa/Asmara",
which Debian's tzdata.zi links to different zones); then every tzdata link
name or canonical zone not yet mapped whose link partner is.

Usage: generate-windows-zones.py [--cldr FILE] [--cldr-aliases FILE]
                                 [--tzdata FILE] [--output FILE]
Defaults: Debian's unicode-cldr-core and tzdata files, and the .inc next to
windows_zones.cpp.
"""

import argparse
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CLDR_XML = "/usr/share/unicode/cldr/common/supplemental/windowsZones.xml"
CLDR_ALIASES_XML = "/usr/share/unicode/cldr/common/bcp47/timezone.xml"
TZDATA_ZI = "/usr/share/zoneinfo/tzdata.zi"
OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "providers" / "windows_zones_data.inc"


def read_cldr(path):
    """{iana name: windows name}, and a description of the data's version.

    A name in several rows takes the territory "001" row (the Windows zone's
    own representative), else the first row that lists it."""
    root = ET.parse(path).getroot()
    chosen = {}
    for row in root.iter("mapZone"):
        for name in row.get("type").split():
            if name not in chosen or (row.get("territory") == "001" and chosen[name][1] != "001"):
                if name in chosen and chosen[name][0] != row.get("other"):
                    print(f"note: {name}: 001 row {row.get('other')!r} wins over {chosen[name][0]!r}", file=sys.stderr)
                chosen[name] = (row.get("other"), row.get("territory"))
            elif chosen[name][0] != row.get("other"):
                print(f"note: {name}: keeps {chosen[name][0]!r}, not {row.get('other')!r}", file=sys.stderr)
    return {name: other for name, (other, _) in chosen.items()}, cldr_version(root)


def cldr_version(root):
    # Released files carry "$Revision$" unexpanded, so the package version
    # usually has to stand in; typeVersion says which tzdata CLDR read.
    version = root.find("version")
    number = version.get("number", "") if version is not None else ""
    if re.fullmatch(r"[0-9.]+", number):
        text = f"CLDR {number}"
    else:
        try:
            package = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "unicode-cldr-core"],
                                     capture_output=True, text=True, check=True).stdout.strip()
            text = f"CLDR {package.split('-')[0]} (Debian unicode-cldr-core {package})"
        except (OSError, subprocess.CalledProcessError):
            text = "CLDR of unknown version"
    table = root.find("windowsZones/mapTimezones")
    if table is not None:
        text += f", windowsZones typeVersion {table.get('typeVersion')} otherVersion {table.get('otherVersion')}"
    return text


def read_cldr_aliases(path):
    """CLDR's groups of names for one place, e.g. ["Asia/Calcutta", "Asia/Kolkata"]."""
    root = ET.parse(path).getroot()
    return [row.get("alias").split() for row in root.iter("type") if row.get("alias")]


def add_cldr_aliases(mapped, groups, known):
    """Maps the unmapped names tzdata knows (`known`) through CLDR's aliases."""
    added = {}
    for names in groups:
        agreed = {mapped[n] for n in names if n in mapped}
        if len(agreed) > 1:
            print(f"note: {names}: CLDR aliases disagree ({sorted(agreed)}), left as they are", file=sys.stderr)
            continue
        for name in names:
            if agreed and name not in mapped and name in known:
                added[name] = next(iter(agreed))
    mapped.update(added)
    return len(added)


def read_tzdata(path):
    """The zone names, {link name: target}, and the tzdata version."""
    zones, links, version = [], {}, "unknown"
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if line.startswith("# version ") and len(fields) >= 3:
                version = fields[2]
            elif fields[:1] == ["Z"]:
                zones.append(fields[1])
            elif fields[:1] == ["L"]:
                links[fields[2]] = fields[1]
    return zones, links, version


def link_chain(name, links):
    """The names a link leads through, ending at its zone (links may point at links)."""
    chain = []
    while name in links and links[name] not in chain and links[name] != name:
        name = links[name]
        chain.append(name)
    return chain


def canonical(name, links):
    chain = link_chain(name, links)
    return chain[-1] if chain else name


def add_link_partners(mapped, zones, links):
    """Maps each unmapped tzdata name through its links: first the nearest
    mapped name along its own chain towards the canonical zone, else the one
    Windows name that the mapped names linking to the same zone agree on."""
    members = {}
    for name in list(zones) + list(links):
        members.setdefault(canonical(name, links), []).append(name)
    added = {}
    for names in members.values():
        agreed = {mapped[n] for n in names if n in mapped}
        for name in names:
            if name in mapped:
                continue
            nearest = next((step for step in link_chain(name, links) if step in mapped), None)
            if nearest:
                added[name] = mapped[nearest]
            elif len(agreed) == 1:
                added[name] = next(iter(agreed))
            elif agreed:
                print(f"note: {name}: its links disagree ({sorted(agreed)}), left unmapped", file=sys.stderr)
    mapped.update(added)
    return len(added)


def cxx_string(text):
    if not re.fullmatch(r"[A-Za-z0-9_+\-./ ()]+", text):
        sys.exit(f"unexpected characters in {text!r}")
    return f'"{text}"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldr", default=CLDR_XML)
    parser.add_argument("--cldr-aliases", default=CLDR_ALIASES_XML)
    parser.add_argument("--tzdata", default=TZDATA_ZI)
    parser.add_argument("--output", default=str(OUTPUT))
    args = parser.parse_args()

    mapped, cldr = read_cldr(args.cldr)
    from_cldr = len(mapped)
    zones, links, tzdata = read_tzdata(args.tzdata)
    from_aliases = add_cldr_aliases(mapped, read_cldr_aliases(args.cldr_aliases), set(zones) | set(links))
    from_links = add_link_partners(mapped, zones, links)

    rows = sorted(mapped.items())  # byte order, as std::string_view compares
    lines = [
        "// Generated by scripts/generate-windows-zones.py; do not edit.",
        f"// From {cldr}:",
        "// common/supplemental/windowsZones.xml and the aliases of common/bcp47/timezone.xml;",
        f"// and the links of tzdata {tzdata} (/usr/share/zoneinfo/tzdata.zi).",
        "// Regenerate when either package changes: python3 scripts/generate-windows-zones.py",
        f"// {len(rows)} rows: {from_cldr} from windowsZones, {from_aliases} CLDR aliases, {from_links} tzdata links.",
    ]
    lines += [f"{{{cxx_string(name)}, {cxx_string(other)}}}," for name, other in rows]
    pathlib.Path(args.output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(rows)} rows ({from_cldr} from windowsZones, "
          f"{from_aliases} CLDR aliases, {from_links} through tzdata links)")


if __name__ == "__main__":
    main()
