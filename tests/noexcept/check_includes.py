#!/usr/bin/env python3
"""Fails if any library header pulls in <iostream>, or headers for files,
string streams, clocks or threads (the kernel does no I/O and reads no clock),
or if a core header pulls in an optional one (budgetkernel/ostream.hpp,
budgetkernel/fmt.hpp), {fmt}, or any header of the Redis wing. The optional
headers may bring what <ostream> and {fmt} need, but not <iostream>. The
wing itself (budgetkernel/redis/) does I/O by design and is not checked.
<time.h> brought in by <atomic> alone is allowed in a core header (see
ALLOWED_UNDER).

Preprocesses each public header alone with -H, which lists every header it
includes directly or not. (<ostream> is not on the list: <memory>, needed for
std::construct_at, declares stream output of smart pointers with it; that
creates no stream object and does no I/O.)

Usage: check_includes.py INCLUDE_DIR -- COMPILER [ARGS...]
"""
import pathlib
import re
import subprocess
import sys

FORBIDDEN = re.compile(r"/(iostream|fstream|sstream|syncstream|thread|chrono|ctime|time\.h|future|mutex)$")
OPTIONAL = {"ostream.hpp", "fmt.hpp"}
FORBIDDEN_IN_CORE = re.compile(r"(/budgetkernel/(ostream|fmt)\.hpp$|/fmt/)")


# <atomic> (needed by AtomicStorage) brings <time.h> with it in libstdc++, for
# the timed waits of std::atomic::wait, which the library never calls. A
# forbidden header reached only through <atomic> is therefore allowed; the
# same header included any other way is not.
ALLOWED_UNDER = re.compile(r"/atomic$")


def forbidden_includes(listing):
    """The forbidden headers in a -H listing, outside <atomic>'s subtree."""
    hits = []
    allowed_depth = None  # depth of the <atomic> include we are inside of, if any
    for line in listing.splitlines():
        if not line.startswith("."):
            continue
        depth = len(line) - len(line.lstrip("."))
        path = line.lstrip(". ").strip()
        if allowed_depth is not None and depth <= allowed_depth:
            allowed_depth = None
        if allowed_depth is None and ALLOWED_UNDER.search(path):
            allowed_depth = depth
            continue
        if allowed_depth is None and FORBIDDEN.search(path):
            hits.append(path)
    return hits


def main():
    sep = sys.argv.index("--")
    include = pathlib.Path(sys.argv[1])
    cmd = sys.argv[sep + 1:]
    headers = sorted(h for h in (include / "budgetkernel").rglob("*.hpp")
                     if "redis" not in h.relative_to(include / "budgetkernel").parts)
    if not headers:
        print(f"no headers under {include}")
        return 1
    bad = 0
    for h in headers:
        proc = subprocess.run(cmd + ["-std=c++20", "-x", "c++", "-fsyntax-only", "-H", f"-I{include}", str(h)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            print(f"FAIL: {h} does not compile on its own:\n{proc.stderr}")
            bad += 1
            continue
        included = [l.lstrip(". ").strip() for l in proc.stderr.splitlines() if l.startswith(".")]
        if h.name in OPTIONAL and h.parent.name == "budgetkernel":
            # Printing needs <ostream> or {fmt}, and they bring locale and
            # time headers; what stays forbidden is a global stream object.
            hits = [p for p in included if p.endswith("/iostream") or "/budgetkernel/redis/" in p]
        else:
            hits = forbidden_includes(proc.stderr) + [
                p for p in included if FORBIDDEN_IN_CORE.search(p) or "/budgetkernel/redis/" in p]
        if hits:
            print(f"FAIL: {h.relative_to(include)} includes {', '.join(sorted(set(hits)))}")
            bad += 1
    print(f"{len(headers)} headers checked, {bad} failing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
