"""The command line: a thin layer over functions that return values."""

from __future__ import annotations

import logging
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperOption

from pipeline import __version__

METAVARS = {"int": "N", "float": "NUMBER", "str": "TEXT", "Path": "PATH"}


class Command(TyperCommand):
    """A command whose help shows real metavars ("DIR", "FILE...", "--workers INTEGER") instead of
    the type placeholders ("<path>", "<list[str]>", "<int>") typer writes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
            elif isinstance(param, TyperOption) and param.metavar is None and not param.is_flag:
                kind = param.bare_type().removeprefix("list[").removesuffix("]")
                param.metavar = METAVARS.get(kind, kind.upper())


EXAMPLES = """Examples:

\b
  battery-extract extract article.txt --published 2025-03-01
  battery-extract batch news/ archive.jsonl.gz --out results --workers 2
  battery-extract evaluate corpus --html report.html --json scores.json
  battery-extract evaluate corpus --baseline scores.json
"""

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: real metavars (FILE, N), not "<bool>" placeholders
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Extract battery and EV facts from news articles.",
    epilog=EXAMPLES,
)
MODEL_HELP = 'spaCy model name, or "blank" for rules only (default: the small English model).'

DEFAULT_SCHEMA_DIR = Path("schemas")


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


RULES_HELP = "Folder of organizations.jsonl, units.toml, currencies.toml that extend or override the shipped rules."


def checked_rules(rules: str | None) -> str | None:
    """The rules directory, checked before anything runs: a bad file is a usage error naming file and line."""
    if rules is not None:
        from pipeline.rules_dir import RulesError, resolve_rules

        try:
            resolve_rules(rules)
        except RulesError as error:
            raise fail(str(error), code=2) from None
    return rules


def with_rules(settings: Any, rules: str | None) -> Any:
    from dataclasses import replace

    return replace(settings, rules=checked_rules(rules))


def read_article(source: str) -> str:
    """The text of a file (UTF-8), or of standard input for "-"."""
    if source == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        path = Path(source)
        if not path.is_file():
            raise fail(f"{source}: no such file")
        data, name = path.read_bytes(), source
    from pipeline.batch.readers import decode

    try:
        return decode(data)  # as in batch: a byte-order mark is not text
    except ValueError as error:
        raise fail(f"{name}: {error}") from None


def version_line() -> str:
    from pipeline.nlp import model_name
    from pipeline.records import SCHEMA_VERSION

    return f"battery-extract {__version__}, schema {SCHEMA_VERSION}, model {model_name()}"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


LOG_LEVELS = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}


@app.callback()
def main(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Print the versions and exit.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Log errors only.")] = False,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, show_default=False, help="Log more: -v info, -vv debug.")
    ] = 0,
) -> None:
    """Log messages go to standard error: warnings (an item dropped from a record) by default."""
    configure_logging(LOG_LEVELS[-1] if quiet else LOG_LEVELS.get(verbose, logging.DEBUG))


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a message comes (as logging's last resort does)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def configure_logging(level: int) -> None:
    """Messages of ``level`` and above to standard error, one handler however often it is called."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(handler)
    handler = StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)


@app.command(cls=Command)
def extract(
    sources: Annotated[
        list[str], typer.Argument(metavar="FILE", help="Article files (UTF-8 text), or - for standard input.")
    ],
    article_id: Annotated[str | None, typer.Option("--id", help="Article id (default: the file name stem).")] = None,
    published: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Publication date.")] = None,
    model: Annotated[str | None, typer.Option(metavar="MODEL", help=MODEL_HELP)] = None,
    indent: Annotated[int | None, typer.Option(metavar="N", help="Indent JSON (one article only).")] = None,
    rules: Annotated[str | None, typer.Option(metavar="DIR", help=RULES_HELP)] = None,
) -> None:
    """Print one ArticleRecord as JSON per article (one line each for several).

    \b
    Examples:
      battery-extract extract article.txt --published 2025-03-01
      cat article.txt | battery-extract extract - --id wire-42 --indent 2"""
    from pipeline.extraction import extract as run
    from pipeline.extraction import parse_published
    from pipeline.matrix import SettingError
    from pipeline.nlp import ModelNotFound

    if article_id and len(sources) > 1:
        raise fail("--id names one article; give one file", code=2)
    try:
        day = parse_published(published)
    except ValueError as error:
        raise fail(str(error), code=2) from None
    checked_rules(rules)
    texts = [(source, read_article(source)) for source in sources]
    for source, text in texts:
        name = article_id or ("stdin" if source == "-" else Path(source).stem)
        try:
            record = run(text, article_id=name, published=day, model=model, rules_dir=rules)
        except (ModelNotFound, SettingError) as error:
            raise fail(str(error), code=2) from None
        typer.echo(record.model_dump_json(indent=indent if len(texts) == 1 else None))


@app.command(cls=Command)
def schemas(
    directory: Annotated[Path, typer.Option("--dir", help="Where the schema files live.")] = DEFAULT_SCHEMA_DIR,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a file is stale instead of writing.")] = False,
    fingerprint: Annotated[
        bool, typer.Option("--fingerprint", help="Print the schema version and fingerprint (for versions.json).")
    ] = False,
) -> None:
    """Write the JSON Schemas of the records and of the gold format, and schemas/tables.md."""
    from pipeline.schemas import current_fingerprint, stale_schemas, write_schemas

    if fingerprint:
        from pipeline.records import SCHEMA_VERSION

        typer.echo(f'"{SCHEMA_VERSION}": "{current_fingerprint()}"')
        return
    if check:
        stale = stale_schemas(directory)
        if stale:
            raise fail(f"stale schemas in {directory}: {', '.join(stale)}; run `python -m pipeline schemas`")
        typer.echo(f"schemas in {directory} are up to date")
        return
    for path in write_schemas(directory):
        typer.echo(f"wrote {path}")


@app.command(cls=Command)
def version() -> None:
    """Print the pipeline, schema and model versions (as --version)."""
    typer.echo(version_line())


@app.command(cls=Command)
def evaluate(
    corpus: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder of *.txt articles with *.gold.json gold.")
    ] = Path("corpus"),
    model: Annotated[str | None, typer.Option(metavar="MODEL", help=MODEL_HELP)] = None,
    json_file: Annotated[
        Path | None, typer.Option("--json", metavar="FILE", help="Write scores, per article too, and errors as JSON.")
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss and spurious record.")] = False,
    lenient: Annotated[bool, typer.Option("--lenient", help="List errors of lenient mode (with --errors).")] = False,
    html_file: Annotated[
        Path | None, typer.Option("--html", metavar="FILE", help="Write the HTML triage report here.")
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="A --json file of an earlier run: print what got better and worse."),
    ] = None,
) -> None:
    """Score the pipeline against gold: TP/FP/FN, precision, recall and F1, strict and lenient.

    \b
    Examples:
      battery-extract evaluate corpus --errors
      battery-extract evaluate corpus --html report.html --json scores.json
      battery-extract evaluate corpus --baseline scores.json   (before merging)"""
    import json

    from pipeline.evaluate import evaluate as run
    from pipeline.evaluate import format_errors, format_table
    from pipeline.report.baseline import compare, format_comparison, load_baseline

    try:
        previous = load_baseline(baseline) if baseline else None
        report = run(corpus, model=model)
    except (FileNotFoundError, ValueError) as error:
        raise fail(str(error), code=2) from None
    typer.echo(format_table(report))
    if previous is not None and baseline is not None:
        typer.echo("")
        typer.echo(format_comparison(compare(baseline, previous, report.as_dict())))
    if errors:
        typer.echo("")
        typer.echo(format_errors(report, "lenient" if lenient else "strict"))
    if json_file:
        json_file.write_text(json.dumps(report.as_dict(), indent=2) + "\n", encoding="utf-8")
    if html_file:
        from pipeline.report.page import render_report

        html_file.write_text(render_report(report), encoding="utf-8")


@app.command(cls=Command)
def batch(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files (.txt, .html, .jsonl[.gz], .ndjson, .parquet, .warc[.gz]), folders, or - (stdin)."),
    ] = None,
    out: Annotated[str | None, typer.Option(help="Output folder (created; reused to resume).")] = None,
    model: Annotated[str | None, typer.Option(help='spaCy model name, or "blank" for rules only.')] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (each loads the model once).")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per nlp.pipe batch.")] = 32,
    chunk_size: Annotated[int, typer.Option(help="Articles per committed chunk (the unit of resume).")] = 500,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a dask.distributed cluster).")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster).")] = None,
    timeout: Annotated[
        float | None, typer.Option(help="Seconds an article may take; a slower one fails alone (local engine).")
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace the outputs of another job in --out instead of refusing.")
    ] = False,
    relevance: Annotated[
        str, typer.Option(help="Skip pages that are not battery or EV news in English: auto (HTML, WARC), on, off.")
    ] = "auto",
    id_field: Annotated[str, typer.Option(help="The id field of JSONL and Parquet inputs.")] = "id",
    text_field: Annotated[str, typer.Option(help="The text field of JSONL and Parquet inputs.")] = "text",
    rules: Annotated[str | None, typer.Option(metavar="DIR", help=RULES_HELP)] = None,
    records: Annotated[
        str, typer.Option(metavar="jsonl|jsonl.gz|none", help="Write records.jsonl, records.jsonl.gz, or none.")
    ] = "jsonl",
    sentences: Annotated[
        bool, typer.Option("--sentences/--no-sentences", help="Keep each item's sentence in records and tables.")
    ] = True,
) -> None:
    """Extract many articles into records.jsonl, errors.jsonl, Parquet tables and manifest.json; resumable.

    Exit codes: 0 all inputs succeeded, 1 some failed (the outputs are complete), 2 usage error
    (nothing was run), 3 the run failed (a full disk …; run it again to resume), 130 interrupted (Ctrl-C, SIGTERM)."""
    from pipeline.batch.run import BatchSettings, RunFailed, UsageError, run_batch

    if out is None or not out.strip():
        raise fail("--out is required: the output folder", code=2)
    settings = BatchSettings(
        tuple(inputs or ()), Path(out), model, workers, batch_size, chunk_size, engine, scheduler, timeout, overwrite
    )
    settings = replace(settings, relevance=relevance, id_field=id_field, text_field=text_field)
    settings = replace(settings, records=records, sentences=sentences)
    settings = with_rules(settings, rules)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # SIGTERM stops the run as Ctrl-C does
    try:
        summary = run_batch(settings)
    except UsageError as error:
        raise fail("\nerror: ".join(str(error).splitlines()), code=2) from None
    except RunFailed as error:
        raise fail(str(error), code=3) from None
    except KeyboardInterrupt:
        raise fail("interrupted; committed chunks are kept: run the same command again to resume", 130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    typer.echo(summary_line(summary, out), err=True)
    raise typer.Exit(summary.exit_code)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def summary_line(summary: Any, out: str) -> str:
    counts = summary.counts
    line = f"{counts['read']} read, {counts['ok']} ok, {counts['failed']} failed"
    if summary.resumed_complete:  # the counts of the finished job: nothing was skipped by this run
        return f"already complete: {line} -> {out}"
    if counts.get("files_skipped"):
        line += f", {counts['files_skipped']} files not read (see skipped.jsonl)"
    if kept_out := summary.manifest.get("skipped_inputs", {}).get("total"):
        line += f", {kept_out} kept out by the relevance gate (see skipped.jsonl)"
    return f"done: {line}, {counts['skipped']} skipped (done earlier) -> {out}"


@app.command(cls=Command)
def bench(
    articles: Annotated[int, typer.Option(help="Generated articles for the speed measures.")] = 500,
    model: Annotated[str | None, typer.Option(help="spaCy model name (default: the default model).")] = None,
    workers: Annotated[int, typer.Option(help="Workers for the speed-up measure.")] = 2,
    long_chars: Annotated[int, typer.Option(help="Size of the one long article, in characters.")] = 100_000,
    memory_articles: Annotated[
        list[int] | None, typer.Option("--memory-articles", help="Batch sizes for peak memory (repeat).")
    ] = None,
    rounds: Annotated[int, typer.Option(min=1, help="Rounds of the speed measures; the best of each counts.")] = 3,
    web_pages: Annotated[int, typer.Option(min=1, help="Pages in the WARC of the web measure.")] = 2000,
    web_relevant: Annotated[int, typer.Option(min=1, help="Battery-news pages among them.")] = 100,
    json_file: Annotated[Path | None, typer.Option("--json", help="Write the measures as JSON here.")] = None,
) -> None:
    """Measure extraction speed (against the bare spaCy model, with workers, rules only, one long article)
    and the peak memory of batch runs."""
    import json

    from pipeline.batch.bench import BenchSettings, format_report, run_bench

    sizes = tuple(memory_articles or (1000, 2000))
    settings = BenchSettings(articles, model, workers, long_chars=long_chars, memory_articles=sizes, rounds=rounds)
    settings = replace(settings, web_pages=web_pages, web_relevant=web_relevant)
    report = run_bench(settings, say=lambda line: typer.echo(line, err=True))
    typer.echo(format_report(report))
    if json_file:
        json_file.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
