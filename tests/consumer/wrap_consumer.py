#!/usr/bin/env python3
"""A Meson project outside this one gets budgetkernel through the sample wrap
file (packaging/budgetkernel.wrap) and a plain `dependency('budgetkernel')`.

In a throwaway directory: pack the source tree into the tarball the wrap
names, put both into the consumer's subprojects/, configure (offline), build,
run the consumer and check its output. Then check that the subproject added
nothing of its own to the build: no targets, no tests, and no lookup of the
test, example or benchmark dependencies.
"""
import configparser
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile

import consumer_common as common

WRAP = os.path.join('packaging', 'budgetkernel.wrap')

# Development dependencies a subproject build must never look up.
DEV_DEPENDENCIES = re.compile(r'\b(doctest|rapidcheck|benchmark|gtest)\b', re.IGNORECASE)


def is_build_dir(path):
    return os.path.isdir(os.path.join(path, 'meson-private'))


def pack_source(source_root, tarball, top):
    """Writes the source tree to a .tar.gz whose top directory is `top`,
    leaving out hidden top-level directories (VCS data, logs), build
    directories and subprojects/ (where a checkout keeps its own wraps)."""
    def keep(rel, is_dir=False):
        parts = rel.split(os.sep)
        if parts[0] == 'subprojects' or parts[0].startswith('build'):
            return False
        if len(parts) == 1 and is_dir and parts[0].startswith('.'):
            return False
        return not any(p == '__pycache__' or p.endswith('.pyc') for p in parts)

    with tarfile.open(tarball, 'w:gz') as tar:
        for directory, subdirs, files in os.walk(source_root):
            rel_dir = os.path.relpath(directory, source_root)
            subdirs[:] = sorted(d for d in subdirs
                                if keep(os.path.normpath(os.path.join(rel_dir, d)), is_dir=True)
                                and not is_build_dir(os.path.join(directory, d)))
            for name in sorted(files):
                rel = os.path.normpath(os.path.join(rel_dir, name))
                if keep(rel):
                    tar.add(os.path.join(directory, name), arcname=os.path.join(top, rel), recursive=False)


def read_wrap(path):
    wrap = configparser.ConfigParser(interpolation=None)
    wrap.read(path, encoding='utf-8')
    if not wrap.has_section('wrap-file') or not wrap.has_section('provide'):
        raise common.Failure(f'{WRAP} needs a [wrap-file] and a [provide] section')
    if 'budgetkernel' not in wrap['provide'].get('dependency_names', '').replace(',', ' ').split():
        raise common.Failure(f'{WRAP}: [provide] does not provide the dependency budgetkernel')
    return wrap['wrap-file']


def check_nothing_else_built(meson, build, log_text):
    targets = json.loads(common.run([meson, 'introspect', '--targets', build]))
    foreign = sorted(t['name'] for t in targets if t.get('subproject'))
    names = sorted(t['name'] for t in targets)
    if foreign or names != ['consumer']:
        raise common.Failure(f'the build has targets {names}; from the subproject: {foreign}')
    tests = json.loads(common.run([meson, 'introspect', '--tests', build]))
    if tests:
        raise common.Failure(f'the subproject registered tests: {[t["name"] for t in tests]}')
    looked_up = sorted({m.group(1).lower() for m in DEV_DEPENDENCIES.finditer(log_text)})
    if looked_up:
        raise common.Failure(f'the configure log mentions development dependencies: {looked_up}')
    if 'Executing subproject budgetkernel' not in log_text:
        raise common.Failure('budgetkernel was not configured as a subproject')
    print('ok: the subproject added no targets, no tests and no development dependencies', flush=True)


def test(args):
    wrap_path = os.path.join(args.source_root, WRAP)
    wrap = read_wrap(wrap_path)
    top = wrap.get('directory')
    if top != f'budgetkernel-{args.version}':
        raise common.Failure(f'{WRAP}: directory is {top!r}, but the project version is {args.version}')

    with tempfile.TemporaryDirectory(prefix='budgetkernel-wrap-') as work:
        consumer = os.path.join(work, 'consumer')
        common.copy_project(consumer, ['meson.build', 'main.cpp'])
        packagefiles = os.path.join(consumer, 'subprojects', 'packagefiles')
        os.makedirs(packagefiles)
        pack_source(args.source_root, os.path.join(packagefiles, wrap.get('source_filename')), top)
        shutil.copy(wrap_path, os.path.join(consumer, 'subprojects'))

        env = common.tool_env(args.compiler)
        build = os.path.join(work, 'build')
        meson = args.meson
        # --force-fallback-for: an installed copy on this machine must not
        # stand in for the subproject; the fallback still goes through the
        # wrap's [provide] section.
        common.run([meson, 'setup', build, consumer, '--wrap-mode=nodownload',
                    '--force-fallback-for=budgetkernel',
                    f'-Dbudgetkernel:default_storage={args.default_storage}'], cwd=work, env=env)
        common.run([meson, 'compile', '-C', build, '-j', '1'], env=env)
        common.check_program(os.path.join(build, 'consumer'), args)

        with open(os.path.join(build, 'meson-logs', 'meson-log.txt'), encoding='utf-8', errors='replace') as f:
            log_text = f.read()
        check_nothing_else_built(meson, build, log_text.replace(work, '<work>'))


if __name__ == '__main__':
    arguments = common.parse_args(__doc__)
    sys.exit(common.main(lambda: test(arguments)))
