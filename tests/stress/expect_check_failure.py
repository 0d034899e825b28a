#!/usr/bin/env python3
"""Runs a test binary that must fail, and passes only when it fails as meant.

    expect_check_failure.py --expect 'CHECK( total == n )' -- BINARY ARGS...

Passes when BINARY exits with a non-zero status of its own (not killed by a
signal, not timed out by the harness) and its output contains the text
given with --expect, i.e. when the intended check is the one that failed.
Anything else fails, with the binary's output shown: a run that passes
means the planted defect went unnoticed, and a crash or another failed
check means the test broke for some other reason.
"""

import argparse
import subprocess
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--expect", required=True, action="append",
                   help="text the output must contain (repeatable: all must appear)")
    p.add_argument("command", nargs=argparse.REMAINDER, help="-- BINARY ARGS...")
    args = p.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        p.error("give the command to run after --")

    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, errors="replace", check=False)
    sys.stdout.write(run.stdout)
    if run.returncode == 0:
        print("expect_check_failure: the run passed; the planted defect went unnoticed")
        return 1
    if run.returncode < 0:
        print(f"expect_check_failure: killed by signal {-run.returncode}, not a failed check")
        return 1
    missing = [text for text in args.expect if text not in run.stdout]
    if missing:
        for text in missing:
            print(f"expect_check_failure: exit {run.returncode}, but the output lacks: {text}")
        return 1
    print(f"expect_check_failure: failed as expected (exit {run.returncode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
