"""Read one YAML file into plain Python values, remembering the line of every field.

Differences from yaml.safe_load, all on purpose:
- dates stay text ("2017-10-12"), so an impossible date is reported, not a crash; a bare year
  (`2018`) is a number, as for any YAML parser, and the schema asks for it in quotes;
- a key written twice is an error, not a silent overwrite;
- every value's line number is kept, so messages can point at it.
"""
from __future__ import annotations

import pickle

import yaml


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


# libyaml's parser when PyYAML has it (about ten times faster); the same rules either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader that never builds dates: date-like text stays a string."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# A bare `2018` stays a number, as every YAML parser reads it (editors, check-jsonschema, anyone
# reusing the data): the schema then asks for it in quotes, so that the files mean the same to
# every tool. Full dates (2018-04-25) stay text here, as YAML 1.2 parsers and the schema read them.


def _walk(node, path, lines):
    """Record the line of every node by its path and refuse duplicate keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    f"{key}: written twice (also on line {seen[key]}) — keep one of them",
                )
            seen[key] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines)


# Texts already read, by their content: a build, a live reload or a check reads every file again,
# and only the files that changed are parsed again. Each caller gets its own copy (unpickled),
# free to change it. Bounded: emptied once it holds _MEMO_LIMIT texts (a record and its two
# translations each: about 6,000 people; above that, a load parses as before).
_memo: dict = {}
_MEMO_LIMIT = 20_000


def load(text: str):
    """Return (value, lines) where lines maps a path tuple to its 1-based line."""
    known = _memo.get(text)
    if known is None:
        try:
            known = pickle.dumps(_parse(text), pickle.HIGHEST_PROTOCOL)
        except YamlProblem as problem:
            known = problem
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[text] = known
    if isinstance(known, YamlProblem):
        raise YamlProblem(known.line, known.message)
    return pickle.loads(known)


def _parse(text: str):
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        raise YamlProblem(line, "a tab character — indent with spaces only (two per level)")
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            lines: dict = {}
            if node is None:
                return None, {(): 1}
            _walk(node, (), lines)
            return loader.construct_document(node), lines
        finally:
            loader.dispose()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or error.context or "not valid YAML"
        raise YamlProblem(
            line,
            f"YAML syntax: {what} — check indentation, colons and quotes on this line and the one above",
        ) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        raise YamlProblem(1, f"YAML: {error.__class__.__name__} — simplify the file to plain fields, lists and text") from None
