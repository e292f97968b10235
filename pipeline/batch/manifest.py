"""manifest.json: what a batch run read and wrote, with which versions and settings, and how fast."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import spacy
from spacy.util import get_model_meta, get_package_path, is_package

import pipeline
from pipeline.batch.store import write_atomic
from pipeline.batch.tables import SCHEMAS
from pipeline.nlp import RULES_ONLY, ModelNotFound, model_name
from pipeline.records import SCHEMA_VERSION


def model_info(model: str | None) -> dict[str, str]:
    """Name and version of the model (from its meta.json, as ``nlp.meta``) without loading its weights."""
    name = model_name(model)
    if name == RULES_ONLY:
        return {"requested": name, "name": "blank:en", "version": spacy.__version__, "spacy": spacy.__version__}
    if Path(name).is_dir():
        path = Path(name)
    elif is_package(name):
        path = get_package_path(name)
    else:
        raise ModelNotFound(f"spaCy model {name!r} is not installed")
    meta = get_model_meta(path)
    full_name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}"
    return {"requested": name, "name": full_name, "version": meta.get("version", ""), "spacy": spacy.__version__}


def build_manifest(
    settings: dict[str, Any],
    model: dict[str, str],
    counts: dict[str, int],
    wall_time: float,
    dropped: dict[str, int] | None = None,
) -> dict[str, Any]:
    """The manifest. ``counts`` cover the whole job (read = ok + failed; skipped = committed by an
    earlier, interrupted run); ``processed``, the wall time and the rate are this invocation's.
    ``dropped_items`` counts, by reason, the items (a year, a capacity, an amount …) that a record
    could not hold: each cost that item only, its article is in records.jsonl without it."""
    dropped = dropped or {}
    processed = counts.get("processed", 0)
    return {
        "pipeline_version": pipeline.__version__,
        "schema_version": SCHEMA_VERSION,
        "model": model,
        "settings": settings,
        "counts": counts,
        "dropped_items": {"total": sum(dropped.values()), "by_reason": dropped},
        "wall_time_s": round(wall_time, 3),
        "articles_per_s": round(processed / wall_time, 2) if wall_time > 0 else None,
        "outputs": {
            "records": "records.jsonl",
            "errors": "errors.jsonl",
            "tables": {name: f"{name}/" for name in SCHEMAS},
        },
    }


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    write_atomic(out / "manifest.json", lambda stream: stream.write(text.encode("utf-8")))


def read_manifest(out: Path) -> dict[str, Any] | None:
    path = out / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
