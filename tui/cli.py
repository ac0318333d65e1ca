"""The ``sitrep`` command line (docs/contract.md, "Commands").

Exit status: 0 all well; 1 some inputs were rejected (each named on stderr); 2 a usage error or an
unusable store. Users never see a traceback: ``main`` turns every failure into one line.
Textual is imported only when the browser opens.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from datetime import UTC
from pathlib import Path

from store.filenames import shown_name
from tui.config import ConfigError, load_settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
REJECTIONS_SHOWN_PER_FILE = 10  # the rejected lines or feed items of one file named on stderr
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class UsageError(Exception):
    """A usage error: one line, exit 2."""


def plain(text: object) -> str:
    """Text safe for a terminal and for a one-line message: control characters (newlines and tabs
    too) shown as escapes, never passed through; so are a file name's bytes that are not UTF-8
    (store/filenames.py), which no terminal can show and standard output cannot write."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", shown_name(str(text)))


_ROW_ID = re.compile(r"-?[0-9]+")  # ASCII digits: int() would take "٣", "５", " 3\n" and "1_0" as well


def row_id(text: str) -> int:
    """An id on the command line: ASCII digits (a minus sign allowed: the id of no row, said so)."""
    if not _ROW_ID.fullmatch(text):
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r} (an id is written in the digits 0-9)")
    return int(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("sitrep")
    except metadata.PackageNotFoundError:  # (run from a source tree that was never installed)
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the store (an SQLite file); default $SITREP_DB or the user data folder",
    )
    parser = _Parser(
        prog="sitrep",
        description="A terminal situation browser for open news about wars and crises.",
        epilog="Run `sitrep` alone to open the browser (a new store is built from the bundled seeds).",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="the store (an SQLite file); default $SITREP_DB or the user data folder",
    )
    parser.add_argument(
        "--analyst", metavar="NAME", default=None, help="who records judgements; default $SITREP_ANALYST or the OS user"
    )
    parser.add_argument("--version", action="version", version=f"sitrep {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ingest = commands.add_parser(
        "ingest",
        parents=[db_option],
        help="add articles from files, folders or stdin",
        description="Add articles: .txt .md .html .htm .jsonl .ndjson .xml .rss .atom "
        "files, folders (recursively), and - for JSON Lines on stdin.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for JSON Lines on stdin")
    ingest.add_argument("--json", action="store_true", help="print the summary as a JSON object")

    export = commands.add_parser(
        "export",
        parents=[db_option],
        help="write the store out",
        description="Write the store out. JSON Lines is the lossless format.",
    )
    export.add_argument(
        "--kind", default="all", choices=["all", "article", "event", "incident", "claim", "entity", "source"]
    )
    export.add_argument(
        "--format",
        choices=["jsonl", "csv", "geojson"],
        help="by default the one -o's extension names (.csv, .geojson), else jsonl",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write (by default and with -: stdout; for --kind all --format csv: a folder)",
    )
    export.add_argument(
        "--verified-only",
        action="store_true",
        help="only the events and claims an analyst verified (and what they refer to)",
    )

    search = commands.add_parser(
        "search",
        parents=[db_option],
        help="fuzzy search over names and places",
        description="Fuzzy search over the names of places, people, organisations, groups and sources.",
    )
    search.add_argument("query", nargs="?", help="what to look for")
    search.add_argument("--queries", metavar="FILE", help="one query a line (- for stdin)")
    search.add_argument("--kind", default="any", choices=["any", "place", "person", "organization", "group", "source"])
    search.add_argument("--limit", type=int, default=10, metavar="N")
    search.add_argument("--json", action="store_true", help="one JSON line per query")

    stats = commands.add_parser(
        "stats", parents=[db_option], help="counts of articles, events, claims, entities, sources"
    )
    stats.add_argument("--json", action="store_true")

    feeds = commands.add_parser(
        "feeds",
        parents=[db_option],
        help="the feeds Sitrep follows",
        description="The RSS and Atom feeds Sitrep follows, kept in the store.",
    )
    actions = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", parser_class=_Parser, required=True)
    add = actions.add_parser("add", parents=[db_option], help="follow a feed (again: add tags, change its interval)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--tag", action="append", default=[], metavar="T", help="a tag for the feed (repeat for more)")
    add.add_argument(
        "--every", metavar="DURATION", help="how often to fetch it: 30m (the default), 2h, 1d, 1h30m (1m to 365d)"
    )
    listing = actions.add_parser("list", parents=[db_option], help="the feeds followed, with their state")
    listing.add_argument("--tag", metavar="T", help="only the feeds with this tag")
    listing.add_argument("--json", action="store_true", help="one JSON object a feed")
    remove = actions.add_parser("remove", parents=[db_option], help="stop following a feed (its articles stay)")
    remove.add_argument("feed", metavar="URL|ID")
    opml_in = actions.add_parser("import", parents=[db_option], help="follow the feeds of an OPML file")
    opml_in.add_argument("file", metavar="FILE.opml")
    opml_out = actions.add_parser("export", parents=[db_option], help="write the feeds as OPML")
    opml_out.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    fetch = commands.add_parser(
        "fetch",
        parents=[db_option],
        help="fetch the feeds that are due, once",
        description="Fetch the feeds that are due (every one with --all, but none whose server asked to be left "
        "alone) once and ingest their new items.",
    )
    fetch.add_argument("--tag", metavar="T", help="only the feeds with this tag")
    fetch.add_argument(
        "--all", action="store_true", help="every feed, due or not (but none whose server asked to wait: Retry-After)"
    )
    fetch.add_argument(
        "--no-fulltext",
        dest="fulltext",
        action="store_false",
        default=None,
        help="store items as the feed gives them, without fetching the pages of summaries",
    )
    fetch.add_argument("--json", action="store_true", help="print the summary as a JSON object")

    watch = commands.add_parser("watch", parents=[db_option], help="fetch feeds as they come due, until Ctrl+C")
    watch.add_argument("--tag", metavar="T", help="only the feeds with this tag")
    watch.add_argument(
        "--no-fulltext",
        dest="fulltext",
        action="store_false",
        default=None,
        help="store items as the feed gives them, without fetching the pages of summaries",
    )
    _add_judging_commands(commands, db_option)
    return parser


def _add_judging_commands(commands, db_option: argparse.ArgumentParser) -> None:
    """grade, status, correct, note, tag, log: the analyst's judgements (CONTRACT.md)."""
    judging = argparse.ArgumentParser(add_help=False)
    judging.add_argument(
        "--analyst",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="who decides; default $SITREP_ANALYST or the OS user",
    )
    parents = [db_option, judging]
    reason = {"metavar": "TEXT", "default": None, "help": "why (kept in the log)"}

    grade = commands.add_parser(
        "grade",
        parents=parents,
        help="grade a source (A-F) or a claim (1-6)",
        description="The NATO Admiralty code: a source's reliability A (completely "
        "reliable) to F (cannot be judged); a claim's credibility 1 "
        "(confirmed by other sources) to 6 (cannot be judged).",
    )
    grade.add_argument("kind", metavar="source|claim")
    grade.add_argument("id", type=row_id, metavar="ID")
    grade.add_argument("grade", metavar="GRADE", help="A-F for a source, 1-6 for a claim")
    grade.add_argument("--reason", **reason)

    status = commands.add_parser(
        "status", parents=parents, help="verify, dispute or reject an event, claim or incident"
    )
    status.add_argument("kind", metavar="event|claim|incident")
    status.add_argument("id", type=row_id, metavar="ID")
    status.add_argument("status", metavar="unverified|verified|disputed|false")
    status.add_argument("--reason", **reason)

    correct = commands.add_parser(
        "correct", parents=parents, help="correct an extracted event (extracted values are kept)"
    )
    correct.add_argument("kind", metavar="event")
    correct.add_argument("id", type=row_id, metavar="ID")
    correct.add_argument("--subtype", metavar="S", help="one of ACLED's subtypes, e.g. 'Air/drone strike'")
    correct.add_argument("--date", metavar="D", help="YYYY-MM-DD")
    correct.add_argument("--place", metavar="NAME")
    correct.add_argument("--killed", metavar="N", help="the number killed")
    correct.add_argument("--delete", action="store_true", help="delete the event as false")
    correct.add_argument("--reason", **reason)

    note = commands.add_parser("note", parents=parents, help="add a note to an event, claim, source or article")
    note.add_argument("kind", metavar="event|claim|source|article")
    note.add_argument("id", type=row_id, metavar="ID")
    note.add_argument("text", metavar="TEXT")

    tag = commands.add_parser("tag", parents=parents, help="tag an event, claim, source or article")
    tag.add_argument("kind", metavar="event|claim|source|article")
    tag.add_argument("id", type=row_id, metavar="ID")
    tag.add_argument("tag", metavar="TAG")
    tag.add_argument("--remove", action="store_true", help="take the tag off instead")

    log = commands.add_parser("log", parents=[db_option], help="the append-only log of every judgement")
    log.add_argument("--json", action="store_true", help="one JSON object a line")


# --- stores ------------------------------------------------------------------------------------


def store_path(args: argparse.Namespace) -> tuple[Path, bool]:
    """The store's path, and whether it was named explicitly with --db."""
    from store.db import ENV_VAR, default_store_path

    if getattr(args, "db", None) is not None:
        if not args.db:
            raise UsageError("--db: empty path")
        return Path(args.db).expanduser(), True
    if os.environ.get(ENV_VAR) == "":
        raise UsageError(f"{ENV_VAR}: empty path")
    if not os.environ.get(ENV_VAR) and (configured := load_settings().store) is not None:
        return configured, False  # the config file's store: like $SITREP_DB, built when missing
    return default_store_path(), False


def check_output(args: argparse.Namespace) -> None:
    """Refuse an output file that is the store or another SQLite database (writing an export over
    it would wipe it): a one-line usage error, nothing written."""
    from store.db import SQLITE_HEADER

    if not getattr(args, "output", None):
        return
    out = Path(args.output).expanduser()
    store, _ = store_path(args)
    if out.resolve() in {Path(f"{store}{tail}").expanduser().resolve() for tail in ("", "-wal", "-shm", "-journal")}:
        raise UsageError(f"{args.output}: that is the store itself; write the export to another file")
    try:
        with open(out, "rb") as existing:
            header = existing.read(len(SQLITE_HEADER))
    except OSError:
        return  # no such file yet (or not readable: writing it will say why)
    if header == SQLITE_HEADER:
        raise UsageError(f"{args.output}: is an SQLite database (a store?); not overwriting it with an export")


def fulltext(args: argparse.Namespace) -> bool:
    """Whether fetch reads each item's page: --no-fulltext, else the config file's [feeds] fulltext."""
    return load_settings().feed_fulltext if args.fulltext is None else args.fulltext


def default_every() -> int | None:
    """The config file's [feeds] every, in seconds (None: the store's default)."""
    from store.feeds import FeedError, parse_every

    every = load_settings().feed_every
    try:
        return parse_every(every) if every else None
    except FeedError as error:
        raise ConfigError(f"[feeds] every in the config file: {error}") from None


def ensure_store(path: Path, *, explicit: bool = False):
    """Open the store, building it from the bundled seeds first when it does not exist (or, for
    the default store, when it is empty: its first build was cut short)."""
    from store.db import open_store
    from store.ingest import build_from_seeds

    existed = path.exists()
    db = open_store(path)
    if not existed or (not explicit and db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0):
        print(
            f"sitrep: building {path} from the bundled articles (the first time also indexes the gazetteer)",
            file=sys.stderr,
            flush=True,
        )
        build_from_seeds(db, on_reject=lambda r: print(f"sitrep: seed {plain(r)}", file=sys.stderr))
    return db


def _refuse_empty(path: Path) -> None:
    """An existing file of no bytes (and no journal holding any) is no store: a read must not turn
    it into one."""
    from store.db import StoreError

    wal = Path(f"{path}-wal")
    if path.is_file() and path.stat().st_size == 0 and not (wal.is_file() and wal.stat().st_size):
        raise StoreError(f"{path}: an empty file, not a Sitrep store")


def open_for_reading(args: argparse.Namespace):
    """An existing store; the default one is built from the seeds when missing."""
    from store.db import StoreError, open_store, writable

    path, explicit = store_path(args)
    if not explicit:
        return ensure_store(path)
    if not path.exists():
        raise StoreError(f"{path}: no such store (create one with `sitrep ingest FILES --db {path}`)")
    _refuse_empty(path)
    if not writable(path):
        # a store on read-only media, shared read-only, or in a folder that cannot be written (where
        # its journal files cannot be made): just read it
        return open_store(path, readonly=True)
    return open_store(path)


def open_for_writing(args: argparse.Namespace):
    """An existing store to record judgements in (the default one is built from the seeds when missing)."""
    from store.db import StoreError, open_store, writable

    path, explicit = store_path(args)
    if not explicit:
        return ensure_store(path)
    if not path.exists():
        raise StoreError(f"{path}: no such store (create one with `sitrep ingest FILES --db {path}`)")
    _refuse_empty(path)
    if not writable(path):
        raise StoreError(f"{path}: the store is read-only here; judgements cannot be recorded")
    return open_store(path)


# --- commands ----------------------------------------------------------------------------------


def run_ingest(args: argparse.Namespace) -> int:
    from store.db import open_store
    from store.ingest import ingest_paths

    if args.paths.count("-") > 1:
        raise UsageError("`-` (stdin) can be given only once")
    path, _ = store_path(args)
    db = open_store(path)

    # the lines ("f.jsonl:7") or feed items ("f.xml#7") of each file rejected so far: a bad file names
    # only its first ones, then how many more, and cannot flood the terminal
    per_file: dict[str, tuple[int, str]] = {}

    def report(rejection) -> None:
        if rejection.file is not None:
            count, _ = per_file.get(rejection.file, (0, ""))
            unit = "lines" if rejection.where[len(rejection.file) :].startswith(":") else "items"
            per_file[rejection.file] = (count + 1, unit)
            if count >= REJECTIONS_SHOWN_PER_FILE:
                return
        print(f"sitrep: {plain(rejection)}", file=sys.stderr, flush=True)

    if sys.stderr.isatty():
        summary = _ingest_with_progress(db, args.paths, report)
    else:
        summary = ingest_paths(db, args.paths, on_reject=report)
    for file, (count, unit) in per_file.items():
        if count > REJECTIONS_SHOWN_PER_FILE:
            print(f"sitrep: {plain(file)}: {count - REJECTIONS_SHOWN_PER_FILE} more {unit} rejected", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_dict()))
    else:
        print(summary.line())
    return EXIT_REJECTED if summary.rejected else EXIT_OK


def _ingest_with_progress(db, paths, report):
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from store.ingest import estimate_total, ingest_paths

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=estimate_total(paths))

        def on_progress(summary) -> None:
            done = summary.added + summary.present + summary.rejected
            progress.update(task, description=summary.line(), completed=done)

        def on_reject(rejection) -> None:
            progress.console.print(Text(f"sitrep: {plain(rejection)}"), highlight=False)

        return ingest_paths(db, paths, on_reject=on_reject, on_progress=on_progress)


def run_stats(args: argparse.Namespace) -> int:
    from store.stats import format_stats, store_stats

    counts = store_stats(open_for_reading(args))
    print(json.dumps(counts) if args.json else format_stats(counts))
    return EXIT_OK


def check_export_target(args: argparse.Namespace) -> None:
    """Where ``export`` writes, checked before the store is opened (a usage error writes nothing):
    ``--kind all --format csv`` takes a folder or a path ending in .csv, every other export one
    file, never an existing folder, or ``-`` for standard output (as without ``-o``)."""
    tables = args.format == "csv" and args.kind == "all"
    if args.output == "-":
        if tables:
            raise UsageError("-o -: --kind all --format csv writes one CSV per kind, not one stream; give a folder")
        args.output = None
    if tables:
        if not args.output:
            raise UsageError("--kind all --format csv writes one CSV per kind: give a folder with -o")
        target = Path(args.output).expanduser()
        # a folder: one that exists, or a new path with no extension ("tables", "tables.v2/"); a new
        # "out.txt" is a file name, refused rather than made a folder of that name
        folder = target.is_dir() or (not target.exists() and (not target.suffix or args.output.endswith(("/", os.sep))))
        if target.suffix.lower() != ".csv" and not folder:
            raise UsageError(
                f"{args.output}: not a folder (--kind all --format csv -o takes a folder or a path ending in .csv)"
            )
    elif args.output and Path(args.output).expanduser().is_dir():
        raise UsageError(
            f"{args.output}: is a folder; -o takes a file here (a folder only with --kind all --format csv)"
        )
    check_output(args)


_FORMAT_OF_EXTENSION = {".csv": "csv", ".geojson": "geojson"}


def run_export(args: argparse.Namespace) -> int:
    from store import export

    if args.format is None:  # "-o events.csv" writes CSV (it wrote JSON Lines into it)
        suffix = Path(args.output).suffix.lower() if args.output and args.output != "-" else ""
        args.format = _FORMAT_OF_EXTENSION.get(suffix, "jsonl")
    if args.format == "geojson" and args.kind not in ("all", "event"):
        raise UsageError("--format geojson exports events only (use --kind event)")
    check_export_target(args)
    db = open_for_reading(args)
    if args.format == "csv" and args.kind == "all":
        try:
            written = export.export_csv_all(db, Path(args.output), args.verified_only)
        except OSError as error:
            raise UsageError(f"{args.output}: cannot write ({error.strerror or error})") from None
        for path in written:
            print(f"wrote {plain(path)}", file=sys.stderr)
        return EXIT_OK
    try:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as error:
        raise UsageError(f"{args.output}: cannot write ({error.strerror or error})") from None
    try:
        try:
            if args.format == "jsonl":
                export.export_jsonl(db, out, args.kind, args.verified_only)
            elif args.format == "csv":
                export.export_csv(db, out, args.kind, args.verified_only)
            else:
                export.export_geojson(db, out, args.verified_only)
            out.flush()
        finally:
            if args.output:
                out.close()
    except BrokenPipeError:
        raise  # the reader left (`| head`): main's business
    except OSError as error:  # a full disk, a file that takes no writing (standard output: main's business)
        if not args.output:
            raise
        raise UsageError(f"{args.output}: cannot write ({error.strerror or error})") from None
    return EXIT_OK


class OutputError(Exception):
    """Standard output could not be written (a full disk, /dev/full); ``str(error)`` is the reason."""


class _Output:
    """Standard output for a command: a write that fails raises ``OutputError``, so that ``main``
    tells it apart from the other OSErrors and says it in one line, whichever command wrote."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def _guarded(self, write, *args):
        try:
            return write(*args)
        except BrokenPipeError:
            raise  # the reader left (`| head`): that is fine
        except OSError as error:
            raise OutputError(error.strerror or str(error)) from None

    def write(self, text: str) -> int:
        return self._guarded(self._stream.write, text)

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _drop_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _read_queries(name: str) -> list[str]:
    if name == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = Path(name).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise UsageError(f"{name}: cannot read queries ({error.strerror or error})") from None
        except UnicodeDecodeError:
            raise UsageError(f"{name}: queries file is not UTF-8 text") from None
    return [line.strip() for line in lines if line.strip()]


def run_search(args: argparse.Namespace) -> int:
    from store.search import search

    if (args.query is None) == (args.queries is None):
        raise UsageError("give either a QUERY or --queries FILE")
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    queries = [args.query] if args.query is not None else _read_queries(args.queries)
    db = open_for_reading(args)
    status = EXIT_OK
    for query in queries:
        try:
            results = search(db, query, kind=args.kind, limit=args.limit)
        except ValueError as error:
            if args.query is not None:
                raise UsageError(str(error)) from None
            status = EXIT_REJECTED
            shown = query if len(query) <= 60 else f"{query[:57]}..."  # (a refused query may be long)
            print(f"sitrep: query {plain(shown)!r}: {plain(error)}", file=sys.stderr)
            if args.json:
                print(json.dumps({"query": query, "results": [], "error": str(error)}, ensure_ascii=False))
            continue
        if args.json:
            print(json.dumps({"query": query, "results": [r.to_dict() for r in results]}, ensure_ascii=False))
        else:
            print(format_results(query, results, many=len(queries) > 1))
    return status


def _table(
    rows: list[tuple[str, ...]], right: set[int] = frozenset(), widest: dict[int, int] | None = None
) -> list[str]:
    """Rows as aligned lines; a cell wider than its column's limit (40, or ``widest[i]``) is cut with …."""
    limits = [(widest or {}).get(i, 40) for i in range(len(rows[0]))]
    widths = [min(max(len(row[i]) for row in rows), limits[i]) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            cell = cell if len(cell) <= widths[i] else cell[: widths[i] - 1] + "…"
            cells.append(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]))
        lines.append("  ".join(cells).rstrip())
    return lines


def format_results(query: str, results, many: bool = False) -> str:
    """A readable table of search results."""
    lines = [f"» {plain(query)}"] if many else []
    if not results:
        lines.append("  no matches")
        return "\n".join(lines)
    rows = [("score", "kind", "name", "matched", "mentions", "events", "id")]
    for r in results:
        kind = r.type if r.kind == "entity" else f"source/{r.type}"
        matched = "" if r.matched == r.name else plain(r.matched)
        rows.append((f"{r.score:.1f}", kind, plain(r.name), matched, str(r.mentions), str(r.events), str(r.id)))
    return "\n".join(lines + _table(rows, right={0, 4, 5, 6}))


# --- feeds --------------------------------------------------------------------------------------


def open_existing(args: argparse.Namespace, *, reading: bool = False):
    """The store, which must exist already (the feeds commands that only read or fetch); only
    ``reading`` it, one that cannot be written here (a read-only folder) is opened read-only."""
    from store.db import StoreError, open_store, writable

    path, _ = store_path(args)
    if not path.exists():
        raise StoreError(f"{path}: no such store (follow a feed first: `sitrep feeds add URL`)")
    _refuse_empty(path)
    return open_store(path, readonly=reading and not writable(path))


def _say(line: object) -> None:
    print(f"sitrep: {plain(line)}", file=sys.stderr, flush=True)


def _feed_status(feed) -> str:
    if not feed.active:
        return f"gone ({feed.last_status})" if feed.last_status else "gone"
    if feed.errors:
        return f"failing ×{feed.errors}: {feed.last_error}"
    if feed.last_error:  # not asked last time: its host had asked to be left alone
        return f"waiting: {feed.last_error}"
    if feed.last_fetched is None:
        return "new"
    return f"ok ({feed.last_status})"


def _local_time(moment: object) -> str:
    """A stored next due time as a local time, or "now" (as ``due_time`` reads it: any value)."""
    from datetime import datetime

    from store.feeds import due_time

    when = due_time(moment)
    if when <= datetime.now(UTC):
        return "now"
    try:
        return f"{when.astimezone():%Y-%m-%d %H:%M}"
    except OverflowError:  # (the last hours of the year 9999, in a zone ahead of it)
        return f"{when:%Y-%m-%d %H:%M %Z}"


def format_feeds(feeds) -> str:
    """A readable table of feeds: id, interval, state, next due time, tags, title, URL."""
    from store.feeds import format_every

    if not feeds:
        return "no feeds (add one with `sitrep feeds add URL`)"
    rows = [("id", "every", "status", "next", "tags", "title", "url")]
    for feed in feeds:
        rows.append(
            (
                str(feed.id),
                format_every(feed.every),
                plain(_feed_status(feed)),
                _local_time(feed.next_due) if feed.active else "-",
                plain(",".join(feed.tags)),
                plain(feed.title or ""),
                plain(feed.shown_url),
            )
        )
    return "\n".join(_table(rows, right={0}, widest={6: 2000}))


def run_feeds(args: argparse.Namespace) -> int:
    return {
        "add": _feeds_add,
        "list": _feeds_list,
        "remove": _feeds_remove,
        "import": _feeds_import,
        "export": _feeds_export,
    }[args.feeds_command](args)


def _feeds_add(args: argparse.Namespace) -> int:
    from store.db import open_store, write_transaction
    from store.feeds import add_feed, check_tag, check_url, format_every, parse_every

    # (an empty or blank --every is an interval given, and refused: not the default)
    every = parse_every(args.every) if args.every is not None else default_every()
    check_url(args.url)  # before a store is created for nothing
    for tag in args.tag:
        check_tag(tag)
    db = open_store(store_path(args)[0])
    with write_transaction(db):
        feed, new = add_feed(db, args.url, tags=args.tag, every=every)
    tags = f", tags {', '.join(feed.tags)}" if feed.tags else ""
    print(
        f"{'following' if new else 'already following'} feed {feed.id} {plain(feed.shown_url)} "
        f"(every {format_every(feed.every)}{plain(tags)})"
    )
    return EXIT_OK


def _feeds_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from store.feeds import list_feeds

    feeds = list_feeds(open_existing(args, reading=True), args.tag)
    if args.json:
        for feed in feeds:
            print(json.dumps({**asdict(feed), "url": feed.shown_url}, ensure_ascii=False))
    else:
        print(format_feeds(feeds))
    return EXIT_OK


def _feeds_remove(args: argparse.Namespace) -> int:
    from store.db import write_transaction
    from store.feeds import remove_feed

    db = open_existing(args)
    with write_transaction(db):
        feed = remove_feed(db, args.feed)
    print(f"no longer following feed {feed.id} {plain(feed.shown_url)} (its articles stay)")
    return EXIT_OK


def _feeds_import(args: argparse.Namespace) -> int:
    from store.db import open_store, write_transaction
    from store.feeds import FeedError, add_feed
    from store.opml import NotOpml, read_opml

    try:
        outlines = read_opml(Path(args.file).read_bytes())
    except OSError as error:
        raise UsageError(f"{args.file}: cannot read ({error.strerror or error})") from None
    except NotOpml as error:
        _say(f"{args.file}: {error}")
        return EXIT_REJECTED
    db = open_store(store_path(args)[0])
    new = known = rejected = 0
    with write_transaction(db):
        for outline in outlines:
            try:
                _, added = add_feed(db, outline.url, tags=outline.tags, title=outline.title)
            except FeedError as error:
                rejected += 1
                _say(f"{args.file}: {error}")
                continue
            new, known = new + added, known + (not added)
    print(f"following {new} new feeds, already following {known}, rejected {rejected}")
    return EXIT_REJECTED if rejected else EXIT_OK


def _feeds_export(args: argparse.Namespace) -> int:
    from store.feeds import list_feeds
    from store.opml import write_opml

    check_output(args)
    document = write_opml(list_feeds(open_existing(args, reading=True)))
    if not args.output:
        sys.stdout.write(document)
        return EXIT_OK
    try:
        Path(args.output).write_text(document, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{args.output}: cannot write ({error.strerror or error})") from None
    return EXIT_OK


def make_fetcher():
    """The HTTP client of `fetch` and `watch` (tests replace it with one that does not pause)."""
    from store.http import Fetcher

    return Fetcher()


def _check_feeds(db, tag: str | None) -> None:
    """A usage error when there is nothing to fetch at all (as opposed to nothing due yet)."""
    from store.feeds import list_feeds

    if not list_feeds(db, tag):
        raise UsageError(
            f"no feed has the tag {tag!r}"
            if tag is not None
            else "no feeds followed (add one with `sitrep feeds add URL`)"
        )


_STAGES = {"feeds": "fetching feeds", "pages": "reading linked pages", "articles": "storing articles"}


def _fetch_round(db, feeds, fetcher, fulltext: bool):
    """One fetch of ``feeds``: progress on a terminal, failures on stderr, the summary returned."""
    from store.fetch import fetch_feeds

    if not sys.stderr.isatty():
        return fetch_feeds(db, feeds, fetcher, fulltext=fulltext, on_failure=_say, on_reject=_say)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(_STAGES["feeds"], total=len(feeds))

        def on_progress(stage: str, done: int, total: int) -> None:
            progress.update(task, description=_STAGES[stage], completed=done, total=total)

        def say(line: object) -> None:
            progress.console.print(Text(f"sitrep: {plain(line)}"), highlight=False)

        return fetch_feeds(
            db, feeds, fetcher, fulltext=fulltext, on_failure=say, on_reject=say, on_progress=on_progress
        )


def run_fetch(args: argparse.Namespace) -> int:
    from store.feeds import due_feeds

    db = open_existing(args)
    _check_feeds(db, args.tag)
    with make_fetcher() as fetcher:
        summary = _fetch_round(db, due_feeds(db, args.tag, everything=args.all), fetcher, fulltext(args))
    print(json.dumps(summary.to_dict()) if args.json else summary.line())
    return EXIT_REJECTED if summary.failed or summary.rejected else EXIT_OK


def run_watch(args: argparse.Namespace) -> int:
    from datetime import datetime

    from store.fetch import watch

    db = open_existing(args)
    _check_feeds(db, args.tag)

    def fetch_round(feeds) -> None:
        summary = _fetch_round(db, feeds, fetcher, fulltext(args))
        print(f"{datetime.now():%Y-%m-%d %H:%M:%S} {summary.line()}", flush=True)

    def stop(signum, frame) -> None:
        raise KeyboardInterrupt

    # a service manager (systemd, docker stop, kill) stops a watch with SIGTERM: as cleanly as Ctrl+C
    signal.signal(signal.SIGTERM, stop)
    with make_fetcher() as fetcher:
        try:
            watch(db, fetch_round, tag=args.tag)
        except KeyboardInterrupt:
            print("sitrep: stopped watching", file=sys.stderr)
    return EXIT_OK


def not_terminals() -> str | None:
    """The standard streams that are no terminal (redirected, a pipe, closed), "stdin/stderr" say,
    else None: the browser would otherwise draw into a file (Textual draws on stderr) or wait for
    keys forever."""
    missing = [name for name in ("stdin", "stdout", "stderr") if not _is_terminal(getattr(sys, f"__{name}__"))]
    return "/".join(missing) or None


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and os.isatty(stream.fileno())
    except (OSError, ValueError):  # closed, or no file descriptor
        return False


def run_browser(args: argparse.Namespace) -> int:
    from store.db import open_store, writable
    from tui.app import make_app

    path, explicit = store_path(args)
    # the settings first: a bad key map or theme is reported before a build
    app = make_app(str(path), analyst=args.analyst)
    read_only = path.exists() and not writable(path)  # (on read-only media: browsed, not changed)
    if path.exists():  # a store that cannot be used is said first
        if explicit:
            _refuse_empty(path)
        open_store(path, readonly=read_only).close()
    if (not_a_tty := not_terminals()) is not None:  # (the app itself runs under run_test() without one)
        # (before a store is built: none is for a browser that cannot run)
        raise UsageError(
            f"the browser needs a terminal ({not_a_tty} is not a tty); see `sitrep --help` for the commands"
        )
    if not read_only:
        ensure_store(path, explicit=explicit).close()
    app.run()
    return app.return_code or EXIT_OK  # (Textual's 1 when the app stopped on an error it showed)


# --- judgements --------------------------------------------------------------------------------


def _judge(args: argparse.Namespace):
    from store.judgements import Judge

    # --analyst, else $SITREP_ANALYST, else the config file's analyst, else the OS user
    return Judge(open_for_writing(args), getattr(args, "analyst", None) or load_settings().analyst)


def _report(changes, nothing: str) -> int:
    for change in changes:
        print(plain(change.line()))
    if not changes and nothing:
        print(plain(nothing))
    return EXIT_OK


def _kind(value: str, allowed: tuple[str, ...]) -> str:
    from store.admiralty import parse_kind

    return parse_kind(value, allowed)


def run_grade(args: argparse.Namespace) -> int:
    from store.admiralty import parse_grade

    if args.kind.strip().lower() in ("event", "article", "incident"):
        raise UsageError(f"only sources (A-F) and claims (1-6) are graded, not {args.kind.strip().lower()}s")
    kind = _kind(args.kind, ("source", "claim"))
    grade = parse_grade(kind, args.grade)  # a bad value is refused before the store is opened
    return _report(_judge(args).grade(kind, args.id, grade, args.reason), f"{kind} {args.id}: already {grade}")


def run_status(args: argparse.Namespace) -> int:
    from store.admiralty import parse_status

    kind = _kind(args.kind, ("event", "claim", "incident"))
    status = parse_status(args.status)
    return _report(_judge(args).set_status(kind, args.id, status, args.reason), f"{kind} {args.id}: already {status}")


def run_correct(args: argparse.Namespace) -> int:
    _kind(args.kind, ("event",))
    fields = {"subtype": args.subtype, "date": args.date, "place": args.place, "killed": args.killed}
    given = {k: v for k, v in fields.items() if v is not None}
    if args.delete:
        if given:
            raise UsageError("--delete takes no other correction")
        return _report(_judge(args).delete_event(args.id, args.reason), "")
    if not given:
        raise UsageError("nothing to correct: give --subtype, --date, --place, --killed or --delete")
    from store.admiralty import parse_date, parse_killed, parse_place, parse_subtype

    checks = {"subtype": parse_subtype, "date": parse_date, "place": parse_place, "killed": parse_killed}
    for field, value in given.items():
        checks[field](value)
    return _report(
        _judge(args).correct_event(args.id, reason=args.reason, **given),
        f"event {args.id}: already so (nothing changed)",
    )


def run_note(args: argparse.Namespace) -> int:
    from store.admiralty import NOTED, parse_note

    kind = _kind(args.kind, NOTED)
    text = parse_note(args.text)
    return _report(_judge(args).note(kind, args.id, text), "")


def run_tag(args: argparse.Namespace) -> int:
    from store.admiralty import NOTED, parse_tag

    kind = _kind(args.kind, NOTED)
    tag = parse_tag(args.tag)
    judge = _judge(args)
    if args.remove:
        return _report(judge.untag(kind, args.id, tag), f"{kind} {args.id}: had no tag {tag}")
    changes = judge.tag(kind, args.id, tag)
    return _report(
        changes, "" if changes else f"{kind} {args.id}: already tagged {judge.written_tag(kind, args.id, tag)}"
    )


def run_log(args: argparse.Namespace) -> int:
    from store.judgements import log_entries

    db = open_for_reading(args)
    for entry in log_entries(db):
        if args.json:
            print(json.dumps(entry, ensure_ascii=False))
        else:
            print(plain(format_log_entry(entry)))
    return EXIT_OK


def format_log_entry(entry: dict) -> str:
    """'2024-12-16T10:02:11Z  alice  event 12  status  unverified -> verified  (two sources agree)'."""
    target = f"{entry['kind']} {entry['target_id']}" if entry["target_id"] is not None else entry["kind"]
    if entry["what"] in ("note", "tag", "added"):
        change = entry["new"] or ""
    elif entry["what"] == "untag":
        change = f"{entry['old']} removed"
    elif entry["what"] in ("deleted", "orphaned"):
        change = entry["old"] or ""
    else:
        change = f"{entry['old'] if entry['old'] is not None else 'none'} -> {entry['new'] if entry['new'] is not None else 'none'}"
    line = f"{entry['at']}  {entry['by']}  {target}  {entry['what']}  {change}"
    return f"{line}  ({entry['reason']})" if entry["reason"] else line


COMMANDS = {
    "ingest": run_ingest,
    "export": run_export,
    "search": run_search,
    "stats": run_stats,
    "feeds": run_feeds,
    "fetch": run_fetch,
    "watch": run_watch,
    "grade": run_grade,
    "status": run_status,
    "correct": run_correct,
    "note": run_note,
    "tag": run_tag,
    "log": run_log,
}


# arguments that name files: any bytes the system allows; every other argument is text to store or match
_PATH_ARGUMENTS = frozenset({"db", "paths", "queries", "file", "output"})
_UNDECODED = re.compile("[\udc80-\udcff]")  # what Python makes of bytes in argv that are not UTF-8


def _check_text_arguments(args: argparse.Namespace) -> None:
    """A text argument (a note, a tag, a query, a name) must be UTF-8: the store keeps text as UTF-8."""
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and _UNDECODED.search(item):
                shown = item.encode("utf-8", "surrogateescape")
                raise UsageError(f"the argument {shown!r} is not UTF-8 text")


def _damage(args: argparse.Namespace, error: Exception):
    """The one line for a store the error shows damaged, or None. Beyond what SQLite calls damage
    (``store.db.is_damage``), an error of no known cause is the store's when its quick check finds
    damage: the unexpected error's own words are not shown (they may quote an article)."""
    from store.db import damaged, found_damage, is_damage

    try:
        path = store_path(args)[0]
    except (UsageError, ConfigError):  # (no store to name: its path is what failed)
        return None
    if is_damage(error):
        return damaged(path, error)
    if not isinstance(error, OSError) and (reason := found_damage(path)) is not None:
        return damaged(path, reason)
    return None


def main(argv: list[str] | None = None) -> int:
    from store.admiralty import JudgementError
    from store.db import StoreError
    from store.feeds import FeedError

    args = None
    try:
        args = build_parser().parse_args(argv)
        _check_text_arguments(args)
        load_settings()  # a config file Sitrep cannot use stops every command, whether it needs it or not
        if not args.command:
            return run_browser(args)
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # exports and JSON are UTF-8 whatever the locale
        stdout, sys.stdout = sys.stdout, _Output(sys.stdout)
        try:
            status = COMMANDS[args.command](args)
            sys.stdout.flush()  # (what is still buffered fails here, not unseen at exit)
            return status
        finally:
            sys.stdout = stdout
    except UsageError as error:
        print(f"sitrep: {plain(error)}", file=sys.stderr)
        return EXIT_USAGE
    except JudgementError as error:
        print(f"sitrep: {plain(error)}", file=sys.stderr)
        return EXIT_USAGE
    except (StoreError, FeedError, ConfigError) as error:
        print(f"sitrep: {plain(error)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `sitrep export | head`: the reader left; that is fine
        _drop_stdout()
        return EXIT_OK
    except OutputError as error:
        _drop_stdout()  # what could not be written is not tried again at exit
        print(f"sitrep: standard output: cannot write ({plain(error)})", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # never a traceback; SITREP_DEBUG=1 shows it
        if os.environ.get("SITREP_DEBUG"):
            raise
        message = str(error).splitlines()[0] if str(error) else ""
        if args is not None and "readonly database" in message:  # (sqlite3's OperationalError)
            store = store_path(args)[0]
            print(f"sitrep: {plain(store)}: the store is read-only here; nothing can be written to it", file=sys.stderr)
            return EXIT_USAGE
        if args is not None and (damage := _damage(args, error)):  # (met after the store opened)
            print(f"sitrep: {plain(damage)}", file=sys.stderr)
            return EXIT_USAGE
        print(
            f"sitrep: unexpected error: {type(error).__name__}{': ' + plain(message) if message else ''}",
            file=sys.stderr,
        )
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
