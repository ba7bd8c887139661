"""Runs deduce (https://pypi.org/project/deduce/) over the anonymisation corpus for
mediation-bench's "anonymiser" section: the same texts as mediationd's anonymiser, given as
they are, with no metadata about the people in them.

    python deidentify.py INPUT.json OUTPUT.json

INPUT is a JSON list of texts; OUTPUT gets {"version": ..., "seconds": ..., "texts": [...]}, the
de-identified texts in the same order and the time deduce took for all of them, after loading.
"""
import json
import sys
import time
from importlib.metadata import version

import deduce


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as handle:
        texts = json.load(handle)
    model = deduce.Deduce()
    started = time.perf_counter()
    outputs = [model.deidentify(text).deidentified_text for text in texts]
    seconds = time.perf_counter() - started
    with open(target, "w", encoding="utf-8") as handle:
        json.dump({"version": version("deduce"), "seconds": seconds, "texts": outputs}, handle, ensure_ascii=False)


if __name__ == "__main__":
    main()
