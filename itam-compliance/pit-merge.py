#!/usr/bin/env python3
"""Merges two PIT mutations.xml reports of the same code into one score (see docs/test-strength.md).

    python3 itam-compliance/pit-merge.py FULL_RUN.xml [ADDED_TESTS_RUN.xml] [-v]

FULL_RUN is a run with every test; ADDED_TESTS_RUN a later run of the same mutants with only the
tests added or changed since. PIT decides each mutant test by test, so a mutant that either run
KILLED is killed by the whole suite. Only KILLED upgrades a mutant (a TIMED_OUT of the second run
could be the machine's load, so it is not counted); a mutant without coverage in the first run that
the second covers counts as surviving. Mutants of toString and hashCode are left out,
as in the pitest profile. Prints the per-package table in Markdown; -v lists what is left.
"""
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

EXCLUDED_METHODS = {"toString", "hashCode"}
DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}


def load(path):
    mutants = {}
    for m in ET.parse(path).getroot():
        key = (
            m.findtext("mutatedClass"),
            m.findtext("mutatedMethod"),
            m.findtext("methodDescription"),
            m.findtext("lineNumber"),
            m.findtext("mutator"),
            ",".join(e.text for e in m.iter("index")),
            ",".join(e.text for e in m.iter("block")),
            m.findtext("description"),
        )
        mutants[key] = m.get("status")
    return mutants


def main(args):
    verbose = "-v" in args
    files = [a for a in args if a != "-v"]
    full = load(files[0])
    added = load(files[1]) if len(files) > 1 else {}
    final = {}
    for key, status in full.items():
        if key[1] in EXCLUDED_METHODS:
            continue
        again = added.get(key)
        if again == "KILLED" and status not in DETECTED:
            status = "KILLED"
        elif status == "NO_COVERAGE" and again not in (None, "NO_COVERAGE"):
            status = "SURVIVED"  # covered by an added test now, but not killed
        final[key] = status
    by_package = defaultdict(Counter)
    for key, status in final.items():
        by_package[key[0].rsplit(".", 1)[0]][status] += 1
    total = Counter()
    print("| package | mutants | killed | timed out | survived | no coverage | killed % | detected % |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for package, c in sorted(by_package.items()):
        total += c
        print(row(f"`{package}`", c))
    print(row("**total**", total))
    upgraded = sum(1 for k in final if final[k] == "KILLED" != full[k])
    print(f"\n{upgraded} mutants killed only by the added tests")
    if verbose:
        for key, status in sorted(final.items()):
            if status in ("SURVIVED", "NO_COVERAGE"):
                cls = key[0].rsplit(".", 1)[1]
                print(status, cls, key[1], key[3], key[4].rsplit(".", 1)[1], "|", key[7])


def row(name, c):
    n = sum(c.values())
    killed = c["KILLED"]
    detected = sum(c[s] for s in DETECTED)
    return (
        f"| {name} | {n} | {killed} | {c['TIMED_OUT']} | {c['SURVIVED']} | {c['NO_COVERAGE']}"
        f" | {100 * killed / n:.1f} | {100 * detected / n:.1f} |"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
