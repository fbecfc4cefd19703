"""Option values that are already what their annotation asks for skip pydantic.

Typer (0.2x) checks and converts every option value of the command it runs through a
pydantic `TypeAdapter`, built on first use: importing pydantic and building the adapters
was about a third of the instructions of `frontledger status` (0.33 of 1.0 G, callgrind)
and a fifth of a CPU tenth of a second in every command. Most values need nothing: an
option left at its default (an `int` for an `int`, None), a text option given as text, a
list of texts.

`PlainValuesGroup` is the command group `frontledger` runs with: before parsing, each
option of a plain annotation (str, int, float, bool and lists of str, without a custom
parser) gets a runtime conversion that returns such a value as pydantic would, and hands
anything else (`--workers 2` arrives as the text "2", a value out of its range) to
Typer's own pydantic adapter, built then: messages and conversions stay Typer's. When
Typer's internals are not the ones this was written for, nothing is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, get_args, get_origin

from typer.core import TyperGroup

try:  # private to Typer: without them Typer converts every value itself, as before
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
except ImportError:  # pragma: no cover - another Typer
    RuntimeParam = None  # type: ignore[assignment,misc]

_NOT_PLAIN = object()


def plain_value(annotation: Any, info: Any, value: Any) -> Any:
    """`value` as Typer's adapter for `annotation` gives it back, or _NOT_PLAIN when only
    the adapter can say (a text to convert, a number out of range)."""
    if annotation is str or annotation is bool:
        return value if type(value) is annotation else _NOT_PLAIN
    if annotation is int or annotation is float:
        if type(value) is not int and not (annotation is float and type(value) is float):
            return _NOT_PLAIN
        if (info.min is not None and value < info.min) or (
                info.max is not None and value > info.max):
            return _NOT_PLAIN  # the adapter says what is wrong with it
        return annotation(value)
    if (get_origin(annotation) is list and get_args(annotation) == (str,)
            and isinstance(value, list | tuple) and all(type(v) is str for v in value)):
        return list(value)
    return _NOT_PLAIN


def _is_plain(descriptor: Any) -> bool:
    info, annotation = descriptor.parameter_info, descriptor.annotation
    return (descriptor.file_annotation is None and info.parser is None and not info.clamp
            and (annotation in (str, int, float, bool) or annotation == list[str]))


if RuntimeParam is not None:
    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):
        """Typer's conversion of one option, with plain values passed through."""

        descriptor: TypeDescriptor | None = None

        @cached_property
        def adapter(self) -> RuntimeParam:
            """Typer's own conversion (pydantic), built when a value needs it."""
            assert self.descriptor is not None
            return build_runtime_param(self.descriptor)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            plain = plain_value(self.annotation, self.parameter_info, value)
            if plain is not _NOT_PLAIN:
                return plain
            return self.adapter._coerce_value(value, param=param, ctx=ctx)


def use_plain_values(command: Any) -> None:
    """Give every plain option of `command` and its subcommands the pass-through
    conversion (options Typer has already converted keep theirs)."""
    for param in getattr(command, "params", ()):
        _use_plain(param)
    for sub in getattr(command, "commands", {}).values():
        use_plain_values(sub)


def _use_plain(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    if (RuntimeParam is not None and descriptor is not None
            and getattr(param, "_runtime_param", False) is None and _is_plain(descriptor)):
        param._runtime_param = PlainRuntimeParam(
            parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
            descriptor=descriptor)


class PlainValuesGroup(TyperGroup):
    """Typer's command group, converting plain option values without pydantic (its
    commands' `--help` options are made per run: they get theirs when made)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        use_plain_values(self)
        return super().main(*args, **kwargs)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        _use_plain(option)
        return option

    def resolve_command(self, ctx: Any, args: Any) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None and hasattr(command, "get_help_option"):
            _use_plain(command.get_help_option(ctx))
        return name, command, rest
