#!/usr/bin/env python3
"""`meson install` puts budgetkernel where other build systems find it, and a
program of another project builds against the installed copy.

In a throwaway directory: configure this project with a private prefix and
its development parts off, install, check the installed files (the headers
under include/budgetkernel/, budgetkernel.pc, the CMake package config and
nothing else), then build the consumer program against the installed copy
with the chosen tool and check its output:

  --tool pkg-config   compile with the flags `pkg-config --cflags budgetkernel` gives
  --tool cmake        find_package(budgetkernel) + target_link_libraries(... budgetkernel::budgetkernel)

Exits 77 (skipped) when the tool is not installed.
"""
import os
import shlex
import shutil
import sys
import tempfile

import consumer_common as common


def add_arguments(parser):
    parser.add_argument('--tool', required=True, choices=['pkg-config', 'cmake'])


def installed_files(prefix):
    found = set()
    for directory, _, files in os.walk(prefix):
        for name in files:
            found.add(os.path.relpath(os.path.join(directory, name), prefix).replace(os.sep, '/'))
    return found


def check_install(source_root, prefix, with_cmake):
    headers_root = os.path.join(source_root, 'include')
    # Built with -Dredis=disabled: the kernel alone, without the Redis wing.
    expected = {f'include/{rel}' for rel in installed_files(headers_root)
                if rel.startswith('budgetkernel/') and not rel.startswith('budgetkernel/redis/')}
    expected.add('share/pkgconfig/budgetkernel.pc')
    if with_cmake:
        expected |= {'share/cmake/budgetkernel/budgetkernelConfig.cmake',
                     'share/cmake/budgetkernel/budgetkernelConfigVersion.cmake'}
    actual = installed_files(prefix)
    missing = sorted(expected - actual)
    extra = sorted(actual - expected)
    if missing or extra:
        raise common.Failure(f'installed files differ from what is expected:\n  missing: {missing}\n  extra: {extra}')
    print(f'ok: {len(actual)} files installed, as expected', flush=True)


def build_with_pkg_config(args, prefix, work, env):
    pkg_config = shutil.which('pkg-config') or shutil.which('pkgconf')
    env = dict(env, PKG_CONFIG_PATH=os.path.join(prefix, 'share', 'pkgconfig'))
    version = common.run([pkg_config, '--modversion', 'budgetkernel'], env=env).strip()
    if version != args.version:
        raise common.Failure(f'pkg-config reports version {version}, the project is {args.version}')
    cflags = shlex.split(common.run([pkg_config, '--cflags', 'budgetkernel'], env=env))
    include = os.path.join(prefix, 'include')
    if f'-I{include}' not in cflags:
        raise common.Failure(f'pkg-config --cflags lacks -I{include}: {cflags}')
    source = os.path.join(work, 'consumer')
    common.copy_project(source, ['main.cpp'])
    program = os.path.join(work, 'consumer-pkg-config')
    common.run(args.compiler + cflags + [os.path.join(source, 'main.cpp'), '-o', program], env=env)
    return program


def build_with_cmake(args, prefix, work, env):
    source = os.path.join(work, 'consumer')
    common.copy_project(source, ['CMakeLists.txt', 'main.cpp'])
    build = os.path.join(work, 'cmake-build')
    *launcher, compiler = args.compiler
    configure = ['cmake', '-S', source, '-B', build, f'-DCMAKE_PREFIX_PATH={prefix}',
                 f'-DCMAKE_CXX_COMPILER={compiler}']
    if launcher:
        configure.append(f'-DCMAKE_CXX_COMPILER_LAUNCHER={";".join(launcher)}')
    common.run(configure, env=env)
    with open(os.path.join(build, 'CMakeCache.txt'), encoding='utf-8') as f:
        cache = f.read()
    package_dir = os.path.join(prefix, 'share', 'cmake', 'budgetkernel')
    if f'budgetkernel_DIR:PATH={package_dir}' not in cache:
        raise common.Failure(f'CMake did not take budgetkernel from {package_dir}')
    common.run(['cmake', '--build', build, '-j', '1'], env=env)
    return os.path.join(build, 'consumer')


def test(args):
    if args.tool == 'pkg-config' and not (shutil.which('pkg-config') or shutil.which('pkgconf')):
        common.skip('pkg-config is not installed; cannot test the installed budgetkernel.pc')
    if args.tool == 'cmake' and not shutil.which('cmake'):
        common.skip('cmake is not installed; cannot test the installed CMake package config')
    with_cmake = shutil.which('cmake') is not None

    with tempfile.TemporaryDirectory(prefix=f'budgetkernel-install-{args.tool}-') as work:
        env = common.tool_env(args.compiler)
        env.pop('DESTDIR', None)
        build = os.path.join(work, 'build')
        prefix = os.path.join(work, 'prefix')
        common.run([args.meson, 'setup', build, args.source_root, f'--prefix={prefix}',
                    '-Dtests=disabled', '-Dexamples=disabled', '-Dbenchmarks=disabled', '-Dfuzzing=disabled',
                    '-Dredis=disabled',
                    f'-Dcmake_package={"enabled" if with_cmake else "disabled"}',
                    f'-Ddefault_storage={args.default_storage}'], cwd=work, env=env)
        common.run([args.meson, 'install', '-C', build, '--quiet'], env=env)
        check_install(args.source_root, prefix, with_cmake)

        if args.tool == 'pkg-config':
            program = build_with_pkg_config(args, prefix, work, env)
        else:
            program = build_with_cmake(args, prefix, work, env)
        common.check_program(program, args)


if __name__ == '__main__':
    arguments = common.parse_args(__doc__, add_arguments)
    sys.exit(common.main(lambda: test(arguments)))
