"""Rules that travel with a component: ``nlp.to_disk`` writes the user rule files in effect when
the component was built (``--rules``, ``rules_dir=``) into the component's folder, and
``spacy.load`` puts them in effect again and rebuilds the component from them. The shipped rules
come with the installed package and are not copied."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.resources import UserRules, active_rules, use_rules
from pipeline.rules_dir import RULE_FILES


class SavedRules:
    """A component base: ``self.user_rules`` are the user rules in effect when it was built (None for
    the shipped rules alone); the arguments it was built with are kept to build it again."""

    user_rules: UserRules | None

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        component = super().__new__(cls)
        component.user_rules = active_rules()
        component._built_with = (args, kwargs)
        return component

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.user_rules.files if self.user_rules else ():
            (folder / name).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SavedRules:
        folder = Path(path)
        saved = [folder / name for name in RULE_FILES if (folder / name).is_file()]
        files = tuple((file.name, file.read_text(encoding="utf-8")) for file in saved)
        rules = UserRules(files, source=str(folder)) if files else None
        use_rules(rules)
        if rules != self.user_rules:  # built under other rules: build it again from these
            args, kwargs = self._built_with
            self.__init__(*args, **kwargs)  # type: ignore[misc]
            self.user_rules = rules
        return self
