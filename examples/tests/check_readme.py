#!/usr/bin/env python3
"""Checks that README.md's code blocks are real, built and tested sources.

A fenced block preceded by a line `<!-- snippet: PATH -->` must equal the file
PATH (relative to the project root) exactly. Every ```cpp block must carry
such a marker, so no C++ in the README escapes compilation.

usage: check_readme.py PROJECT_ROOT
"""
import os
import re
import sys

MARKER = re.compile(r'^<!-- snippet: (\S+) -->$')


def blocks(lines):
    """Yields (marker path or None, info string, block text)."""
    pending = None
    i = 0
    while i < len(lines):
        marker = MARKER.match(lines[i])
        if marker:
            pending = marker.group(1)
        elif lines[i].startswith('```'):
            info = lines[i][3:].strip()
            end = i + 1
            while end < len(lines) and not lines[end].startswith('```'):
                end += 1
            yield pending, info, ''.join(f'{x}\n' for x in lines[i + 1:end])
            pending = None
            i = end
        elif lines[i].strip():
            pending = None
        i += 1


def main():
    root = sys.argv[1]
    with open(os.path.join(root, 'README.md'), encoding='utf-8') as f:
        lines = f.read().splitlines()
    failed = checked = 0
    for path, info, text in blocks(lines):
        if path is None:
            if info == 'cpp':
                print('a cpp block in README.md has no snippet marker')
                failed += 1
            continue
        with open(os.path.join(root, path), encoding='utf-8') as f:
            source = f.read()
        checked += 1
        if source != text:
            print(f'README.md block for {path} differs from the file')
            failed += 1
        else:
            print(f'{path}: identical')
    if checked == 0:
        print('README.md has no snippet markers')
        failed += 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
