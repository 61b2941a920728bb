"""Clean scraped news pages with Spark: JSON Lines or Parquet in, Parquet out.

Each input record has the page's text (``--text-col``, default ``text``); a known
headline and the page's URL are used when the record has them (``--title-col``,
``--url-col``; by default the ``title`` and ``url`` columns, when present), as in
``newsclean batch``. The output is the input with ``clean_title``, ``clean_text``,
``clean_paragraphs`` and ``clean_changes`` added.

Locally (Spark's own ``local[*]`` master)::

    spark-submit examples/spark_job.py pages.jsonl cleaned.parquet

On a cluster, the same file; only spark-submit's options change (see docs/spark.md)::

    spark-submit --master yarn --deploy-mode cluster examples/spark_job.py \\
        s3://bucket/pages/ s3://bucket/cleaned/ --format json --partitions 400
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pyspark.sql import DataFrame, SparkSession

from newsclean.spark import clean_dataframe

PARQUET_SUFFIXES = (".parquet", ".pq")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line: input, output and how to read them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines file(s) or Parquet: a path, directory or glob")
    parser.add_argument("output", help="where to write the Parquet result")
    parser.add_argument(
        "--format",
        choices=("json", "parquet"),
        help="input format (default: parquet for a .parquet/.pq path, else JSON Lines)",
    )
    parser.add_argument("--text-col", default="text", help="the column of page text")
    parser.add_argument("--title-col", help="the column of known headlines (default: title)")
    parser.add_argument("--url-col", help="the column of page URLs (default: url)")
    parser.add_argument("--no-changes", action="store_true", help="leave out clean_changes")
    parser.add_argument("--partitions", type=int, help="repartition the input to this many")
    parser.add_argument(
        "--mode",
        default="errorifexists",
        choices=("errorifexists", "overwrite"),
        help="what to do when the output exists (default: fail)",
    )
    return parser.parse_args(argv)


def read(spark: SparkSession, path: str, input_format: str | None = None) -> DataFrame:
    """Read JSON Lines or Parquet, choosing by ``input_format`` or else by the path's suffix."""
    if input_format is None:
        input_format = "parquet" if path.rstrip("/").endswith(PARQUET_SUFFIXES) else "json"
    if input_format == "parquet":
        return spark.read.parquet(path)
    return spark.read.json(path)


def run(
    spark: SparkSession,
    source: str,
    target: str,
    *,
    input_format: str | None = None,
    text_col: str = "text",
    title_col: str | None = None,
    url_col: str | None = None,
    changes: bool = True,
    partitions: int | None = None,
    mode: str = "errorifexists",
) -> None:
    """Read ``source``, clean every page, write ``target`` as Parquet.

    ``title_col`` and ``url_col`` default to ``title`` and ``url`` when the input has them.
    """
    pages = read(spark, source, input_format)
    title_col = title_col or ("title" if "title" in pages.columns else None)
    url_col = url_col or ("url" if "url" in pages.columns else None)
    if partitions:
        pages = pages.repartition(partitions)
    cleaned = clean_dataframe(
        pages, text_col, title_col=title_col, url_col=url_col, changes=changes
    )
    cleaned.write.mode(mode).parquet(target)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job in the SparkSession that spark-submit set up."""
    args = parse_args(argv)
    spark = SparkSession.builder.appName("newsclean-clean-pages").getOrCreate()
    try:
        run(
            spark,
            args.input,
            args.output,
            input_format=args.format,
            text_col=args.text_col,
            title_col=args.title_col,
            url_col=args.url_col,
            changes=not args.no_changes,
            partitions=args.partitions,
            mode=args.mode,
        )
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
