"""Bar charts drawn without a chart library: the model a template draws (_charts.html).

A chart is rows (what is counted: a public, a box of the questionnaire) by series (one, or one per
edition when editions are compared). Labels and values are page text, so they follow the reader's
font size and are read by screen readers; only the bars are SVG, because the browser prints SVG
fills where it drops background colours. The same numbers are given as a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_build.i18n import formats


@dataclass(frozen=True)
class Bar:
    series: str  # the series' name ("2026"), shown when there are several
    length: float  # 0 to 100: a share of the chart's longest bar
    text: str  # the value as read: "185", "21 %", or "—" when not counted


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    id: str  # the page's anchor for it
    title: str
    category: str  # the header of the labels' column: "Public", "Réponse"
    series: tuple[str, ...]
    rows: tuple[Row, ...]
    note: str = ""  # how to read it: "86 questionnaires rendus…"
    language: str = ""  # of its title and labels when they are data in another language than the page's

    @property
    def several(self) -> bool:
        return len(self.series) > 1


def bar_chart(
    chart_id: str,
    title: str,
    category: str,
    series: tuple[str, ...],
    rows: Sequence[tuple[str, Sequence[float | None]]],
    shares: bool = False,
    note: str = "",
    language: str = "",
) -> Chart:
    """Rows of (label, one value per series; None where that series did not count it). Values are
    counts, or shares from 0 to 1 when `shares` (shown as percentages)."""
    top = max((v for _, values in rows for v in values if v is not None), default=0) or 1

    def text(value: float | None) -> str:
        if value is None:
            return "—"
        return formats.percent(value) if shares else formats.grouped(int(value))

    return Chart(
        chart_id,
        title,
        category,
        series,
        tuple(
            Row(label, tuple(Bar(name, 100 * (v or 0) / top, text(v)) for name, v in zip(series, values, strict=True)))
            for label, values in rows
        ),
        note,
        language,
    )
