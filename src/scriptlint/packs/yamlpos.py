"""Safe YAML loading that remembers the line of every value, so errors can name it."""

from __future__ import annotations

from typing import Any

import yaml

from scriptlint import cache

Path = tuple[Any, ...]
MAX_DEPTH = 64
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
MAX_NODES = 1_000_000  # aliases are expanded here, so a YAML alias bomb would otherwise never end


class PositionedYaml:
    """``data`` is the plain Python value; ``line(path)`` the 1-based line of the value at ``path``
    (a tuple of keys and indexes), falling back to the nearest enclosing value."""

    def __init__(self, data: Any, lines: dict[Path, int]) -> None:
        self.data = data
        self._lines = lines

    def line(self, path: Path) -> int | None:
        while True:
            if path in self._lines:
                return self._lines[path]
            if not path:
                return None
            path = path[:-1]


class YamlSyntaxError(Exception):
    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem = line, problem


def load(text: str) -> PositionedYaml:
    """Parse with the safe loader (no tags that construct objects) and record positions.

    A text parsed before (in this process, or by an earlier run: see ``scriptlint.cache``) is not
    parsed again: the pure-Python loader is most of what loading the packs costs."""
    digest = cache.text_digest(text)
    found = cache.get_yaml(digest)
    if found is not None:
        return PositionedYaml(*found)
    parsed = _parse(text)
    cache.put_yaml(digest, parsed.data, parsed._lines)
    return parsed


def _parse(text: str) -> PositionedYaml:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Path, int] = {}
        data = _convert(loader, node, (), lines, [0]) if node is not None else None
    except yaml.MarkedYAMLError as err:
        # Where the broken construct began (an unclosed bracket or quote) is more useful than the
        # end of the stream, where the parser noticed it.
        mark = err.context_mark or err.problem_mark
        raise YamlSyntaxError(mark.line + 1 if mark else None, _describe(err)) from None
    except yaml.YAMLError as err:
        raise YamlSyntaxError(None, str(err).splitlines()[0]) from None
    except RecursionError:  # PyYAML's composer recurses; far past MAX_DEPTH
        raise YamlSyntaxError(None, f"invalid YAML: nested deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return PositionedYaml(data, lines)


def _describe(err: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (err.context, err.problem) if p]
    return "invalid YAML: " + ", ".join(parts)


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: Path, lines: dict[Path, int], count: list[int]) -> Any:
    lines[path] = node.start_mark.line + 1
    count[0] += 1
    if len(path) > MAX_DEPTH or count[0] > MAX_NODES:
        problem = f"nested deeper than {MAX_DEPTH} levels" if len(path) > MAX_DEPTH else (
            f"more than {MAX_NODES:,} values (YAML aliases?)")
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        # Collections are built here, not by the constructor, so their tags are checked here:
        # ``!!python/object/apply:os.system [...]`` must fail, not quietly become a list.
        raise yaml.constructor.ConstructorError(
            None, None, f"could not determine a constructor for the tag {node.tag!r}", node.start_mark)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            result[key] = _convert(loader, value_node, (*path, key), lines, count)
            lines.setdefault((*path, key), key_node.start_mark.line + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, i), lines, count) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
