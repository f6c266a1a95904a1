#!/usr/bin/env python3
"""Checks that every `conform …` command in the CI examples is a real command with real flags.

Parses every YAML file under the examples folder (PyYAML), takes the shell of each `run:` (GitHub Actions)
and `script:` / `before_script:` / `after_script:` (GitLab CI) step — `|` blocks, `\\` continuations,
`&&` / `||` / `;` / `|` chains, `if …; then` — and, for each simple command whose program is `conform`
(any path: `.build/release/conform`), asks the built executable:

    conform CMD --help            # known command? its flags are the `--name`s of its OPTIONS section
    conform CMD SUB --help        # when CMD's help lists SUBCOMMANDS (`conform schema check`, `conform baseline add`)

Fails (exit 1) on a YAML syntax error, an unknown command or subcommand, or an unknown flag, listing each with
its file and step. Usage: check-ci-examples.py --conform BIN [EXAMPLES_DIR]   (exit 2 on usage errors)
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

import yaml

SCRIPT_KEYS = {"run", "script", "before_script", "after_script"}
# Words that may precede the program of a simple command.
PREFIX_WORDS = {"if", "then", "elif", "else", "do", "while", "until", "!", "time", "exec", "command", "{", "("}
OPERATORS = {"|", "||", "&&", ";", "&", ";;", "(", ")"}


def yaml_files(root):
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith((".yml", ".yaml")):
                yield os.path.join(folder, name)


def scripts(node, where="$"):
    """(where, shell text) for every script-like value in a parsed YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}"
            if key in SCRIPT_KEYS:
                if isinstance(value, str):
                    yield here, value
                elif isinstance(value, list):
                    for i, item in enumerate(value):
                        if isinstance(item, str):
                            yield f"{here}[{i}]", item
                    continue
            yield from scripts(value, here)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from scripts(item, f"{where}[{i}]")


def logical_lines(text):
    """Shell lines with `\\`-newline continuations joined."""
    return re.sub(r"\\\n[ \t]*", " ", text).split("\n")


def conform_commands(text):
    """The argument lists (after the program) of every simple command whose program is `conform`."""
    found = []
    for line in logical_lines(text):
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        try:
            tokens = list(lexer)
        except ValueError as error:  # an unbalanced quote: the line is not shell we can read
            raise ValueError(f"cannot split {line.strip()!r}: {error}")
        command, skip_next = [], False
        for token in tokens + [";"]:
            if skip_next:  # a redirection's target is not an argument
                skip_next = False
                continue
            if set(token) & set("<>") and set(token) <= set("<>&|"):
                skip_next = True
                continue
            if token in OPERATORS or set(token) <= set("|&;()"):
                if command:
                    found.extend(program_args(command))
                command = []
                continue
            command.append(token)
    return found


def program_args(words):
    i = 0
    while i < len(words) and (words[i] in PREFIX_WORDS or re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[i])):
        i += 1
    if i == len(words):
        return []
    program = words[i].removeprefix("$(").removeprefix("`")
    if os.path.basename(program) != "conform":
        return []
    return [words[i + 1:]]


class Executable:
    """The built conform, asked for its commands' help (cached)."""

    def __init__(self, path):
        self.path = path
        self.cache = {}

    def help(self, words):
        key = tuple(words)
        if key not in self.cache:
            done = subprocess.run([self.path, *words, "--help"], capture_output=True, text=True, timeout=30)
            self.cache[key] = (done.returncode, done.stdout, done.stderr)
        return self.cache[key]


def section(text, title):
    """Lines of a help section (`OPTIONS:`, `SUBCOMMANDS:`) up to the next blank line."""
    lines, inside = [], False
    for line in text.split("\n"):
        if line.strip() == title:
            inside = True
            continue
        if inside:
            if not line.strip():
                break
            lines.append(line)
    return lines


def unknown(path, status, err):
    said = err.strip().split("\n")[0] if err.strip() else ""
    return f"unknown command 'conform {' '.join(path)}' (conform {' '.join(path)} --help exited {status}{': ' + said if said else ''})"


def check_command(conform, args):
    """Problems with one `conform ARGS…` command line (empty when it is real)."""
    if not args or args[0].startswith("-"):
        return [] if args and args[0] in ("--help", "-h", "--version", "-V") else ["no command after conform"]
    path = [args[0]]
    status, out, err = conform.help(path)
    if status != 0:
        return [unknown(path, status, err)]
    rest = args[1:]
    subcommands = [line.split()[0] for line in section(out, "SUBCOMMANDS:") if line.split()]
    if subcommands:
        if not rest or rest[0].startswith("-"):
            return [f"'conform {args[0]}' needs a subcommand: {', '.join(subcommands)}"]
        if rest[0] not in subcommands:
            return [f"unknown subcommand {args[0]!r} {rest[0]!r} (known: {', '.join(subcommands)})"]
        path.append(rest[0])
        rest = rest[1:]
        status, out, err = conform.help(path)
        if status != 0:
            return [unknown(path, status, err)]
    options = "\n".join(section(out, "OPTIONS:"))
    longs = set(re.findall(r"--([a-z0-9][a-z0-9-]*)", options)) | {"help"}
    shorts = set(re.findall(r"(?<![\w-])-([A-Za-z]),", options)) | {"h"}
    problems = []
    for word in rest:
        if word == "--":
            break
        if word.startswith("--"):
            name = word[2:].split("=", 1)[0]
            if name not in longs:
                problems.append(f"unknown flag --{name} for 'conform {' '.join(path)}' (its flags: {', '.join('--' + f for f in sorted(longs))})")
        elif re.fullmatch(r"-[A-Za-z]", word) and word[1] not in shorts:
            problems.append(f"unknown flag {word} for 'conform {' '.join(path)}'")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conform", required=True, help="the built conform executable")
    parser.add_argument("examples", nargs="?", default="examples")
    options = parser.parse_args()
    if not os.access(options.conform, os.X_OK):
        print(f"error: {options.conform} is not an executable (build it: swift build)", file=sys.stderr)
        return 2
    if not os.path.isdir(options.examples):
        print(f"error: {options.examples} is not a folder", file=sys.stderr)
        return 2
    conform = Executable(options.conform)
    files = list(yaml_files(options.examples))
    if not files:
        print(f"error: no *.yml or *.yaml files under {options.examples}", file=sys.stderr)
        return 2
    failures = commands = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as handle:
                documents = list(yaml.safe_load_all(handle))
        except yaml.YAMLError as error:
            print(f"{path}: YAML syntax error: {error}")
            failures += 1
            continue
        count = 0
        for document in documents:
            for where, text in scripts(document):
                try:
                    found = conform_commands(text)
                except ValueError as error:
                    print(f"{path} {where}: {error}")
                    failures += 1
                    continue
                for args in found:
                    count += 1
                    for problem in check_command(conform, args):
                        print(f"{path} {where}: conform {' '.join(args)[:160]}\n    {problem}")
                        failures += 1
        commands += count
        print(f"{path}: {count} conform command{'s' if count != 1 else ''}")
    print(f"{len(files)} files, {commands} conform commands, {failures} problem{'s' if failures != 1 else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
