"""The evaluation as one plain-text table, as JSON, and as a few headline figures."""

from __future__ import annotations

from typing import Any

from .metrics import SUBSETS

ROWS = ("content", "source", "cue", "quote")


def _fig(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _kind_figure(kind: dict[str, Any]) -> str:
    return f"  kind {_fig(kind['acc_matched'])} ({kind['n_correct']}/{kind['n_matched']})"


def render_table(results: dict[str, Any]) -> str:
    """Rows (subset, kind), columns exact P/R/F1 and overlap P/R/F1; then attribution and speaker accuracy."""
    head = f"{'subset':8s} {'kind':8s} | {'exP':>5s} {'exR':>5s} {'exF1':>5s} | {'ovP':>5s} {'ovR':>5s} {'ovF1':>5s}"
    lines = [head + " | tp/pred/gold", "-" * (len(head) + 15)]
    for subset in SUBSETS:
        figures = results[subset]
        for kind in ROWS:
            exact, over = figures[kind]["exact"], figures[kind]["overlap"]
            lines.append(
                f"{subset:8s} {kind:8s} | {_fig(exact['p'])} {_fig(exact['r'])} {_fig(exact['f1'])}"
                f" | {_fig(over['p'])} {_fig(over['r'])} {_fig(over['f1'])}"
                f" | {exact['tp']}/{exact['n_pred']}/{exact['n_gold']}"
            )
    lines.append("")
    for subset in SUBSETS:
        attr = results[subset]["attribution"]
        line = (
            f"{subset:8s} attribution acc_all {_fig(attr['acc_all'])}"
            f" ({attr['n_correct']}/{attr['n_gold_with_source']})"
            f"  acc_matched {_fig(attr['acc_matched'])} ({attr['n_correct']}/{attr['n_matched']})"
        )
        if speaker := results[subset].get("speaker"):
            line += (
                f"  | speaker matched {_fig(speaker['acc_matched'])} ({speaker['n_correct']}/{speaker['n_matched']})"
                f"  all {_fig(speaker['acc_all'])} ({speaker['n_correct']}/{speaker['n_gold_with_speaker']})"
                f"  alias {_fig(speaker['acc_alias_matched'])} ({speaker['n_correct_alias']}/{speaker['n_matched']})"
                + (_kind_figure(kind) if (kind := results[subset].get("speaker_kind")) else "")
            )
        lines.append(line)
    if non_quotes := results.get("non_quotes"):
        lines.append(
            f"\nnon-quotes (titles, terms, scare quotes the gold lists) reported as quotes:"
            f" {_fig(non_quotes['share_reported'])} ({non_quotes['n_reported']}/{non_quotes['n_gold']}),"
            f" not reported {_fig(non_quotes['share_not_reported'])}"
        )
    return "\n".join(lines)


def headline(results: dict[str, Any]) -> dict[str, float | None]:
    """The figures that summarise a run (and that the eval gate and docs/accuracy.md track)."""
    all_, direct = results["all"], results["direct"]
    figures = {
        "content_exact_f1": all_["content"]["exact"]["f1"],
        "content_overlap_f1": all_["content"]["overlap"]["f1"],
        "source_exact_f1": all_["source"]["exact"]["f1"],
        "cue_exact_f1": all_["cue"]["exact"]["f1"],
        "quote_exact_f1": all_["quote"]["exact"]["f1"],
        "attribution_acc_all": all_["attribution"]["acc_all"],
        "attribution_acc_direct": direct["attribution"]["acc_all"],
    }
    if "non_quotes" in results:
        figures["content_exact_p"] = all_["content"]["exact"]["p"]
        figures["content_overlap_p"] = all_["content"]["overlap"]["p"]
        figures["non_quote_share"] = results["non_quotes"]["share_reported"]
    if "speaker" in all_:
        figures["speaker_acc_all"] = all_["speaker"]["acc_all"]
        figures["speaker_acc_matched"] = all_["speaker"]["acc_matched"]
        if "speaker_kind" in all_:
            figures["speaker_kind_acc_matched"] = all_["speaker_kind"]["acc_matched"]
    return figures
