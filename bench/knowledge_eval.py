"""Print precision and recall of entity extraction per kind over tests/knowledge/eval_passages.json.

Run: python bench/knowledge_eval.py [--errors]
"""

from __future__ import annotations

import sys
from pathlib import Path

from esgdesk.knowledge.evaluation import evaluate, evaluate_facts, load_passages

PASSAGES = Path(__file__).resolve().parents[1] / "tests" / "knowledge" / "eval_passages.json"
FACT_PASSAGES = PASSAGES.with_name("eval_facts.json")


def main(argv: list[str]) -> int:
    passages = load_passages(PASSAGES)
    scores = evaluate(passages)
    print(f"{len(passages)} passages")
    print(f"{'kind':<13} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for kind, score in scores.items():
        print(
            f"{kind:<13} {score.precision:>9.3f} {score.recall:>7.3f} "
            f"{score.true_positive:>4} {score.false_positive:>4} {score.false_negative:>4}"
        )
    fact_passages = load_passages(FACT_PASSAGES)
    fact_scores = evaluate_facts(fact_passages)
    print(f"\nfacts: {len(fact_passages)} paragraphs of real and demo releases")
    print(f"{'kind':<15} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for kind, score in fact_scores.items():
        if kind == "cross_sentence":
            print(f"cross-sentence attributions: {score.false_positive}")
            continue
        print(
            f"{kind:<15} {score.precision:>9.3f} {score.recall:>7.3f} "
            f"{score.true_positive:>4} {score.false_positive:>4} {score.false_negative:>4}"
        )
    if "--errors" in argv:
        for kind, score in [*scores.items(), *fact_scores.items()]:
            for error in score.errors:
                print(f"  [{kind}] {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
