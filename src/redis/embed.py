#!/usr/bin/env python3
"""Writes a C++ source defining ledger_script_source() from ledger.lua."""
import sys

src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    text = f.read()
if ')lua"' in text:
    sys.exit("embed.py: the script contains the raw string's delimiter")
with open(out, "w", encoding="utf-8") as f:
    f.write("// Generated from ledger.lua by embed.py; do not edit.\n")
    f.write("#include <string_view>\n\n")
    f.write("namespace budgetkernel::redis {\n")
    f.write("std::string_view ledger_script_source() noexcept;\n")
    f.write("std::string_view ledger_script_source() noexcept {\n")
    f.write('    static constexpr std::string_view text = R"lua(' + text + ')lua";\n')
    f.write("    return text;\n}\n}  // namespace budgetkernel::redis\n")
