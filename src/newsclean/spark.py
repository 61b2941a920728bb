r"""Clean a Spark DataFrame of scraped news texts, one partition at a time.

Needs the ``spark`` extra (``pip install 'newsclean[spark]'``: pyspark, pandas,
pyarrow) on the driver and on every executor. Importing this module needs none of
them; :func:`clean_dataframe` raises an ``ImportError`` that says what to install.

In a PySpark shell or notebook, where ``spark`` is the SparkSession:

>>> from newsclean.spark import clean_dataframe  # doctest: +SKIP
>>> page = "Floods close schools\n\nRain fell all week.\n\nRead More"  # doctest: +SKIP
>>> df = spark.createDataFrame([(page,), (None,)], "text string")  # doctest: +SKIP
>>> rows = clean_dataframe(df).collect()  # doctest: +SKIP
>>> rows[0].clean_title, rows[0].clean_text, rows[0].clean_paragraphs  # doctest: +SKIP
('Floods close schools', 'Rain fell all week.', ['Rain fell all week.'])
>>> [(c["pass"], c["start"], c["end"]) for c in rows[0].clean_changes]  # doctest: +SKIP
[('extract_headline', 0, 22), ('strip_cruft_lines', 41, 52)]
>>> rows[1].clean_title, rows[1].clean_text, rows[1].clean_changes  # doctest: +SKIP
(None, None, None)

(Skipped by the doctest run, which may have no Spark; ``tests/test_spark.py`` runs
these lines in Spark.)
"""

# No ``from __future__ import annotations`` here: Spark reads the type hints of the
# pandas UDF built in ``_cleaning_udf`` at run time, and they name pandas, which is
# imported only inside that function.

import pickle
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import newsclean
from newsclean.pipeline import Pipeline

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame
    from pyspark.sql.types import StructType

__all__ = ["clean_dataframe", "output_schema"]

INSTALL_HINT = "pip install 'newsclean[spark]'"
FIELDS = ("title", "text", "paragraphs", "changes")
_STRUCT_COLUMN = "__newsclean_article"


def _require_spark() -> None:
    """Import what this module needs, or raise an ``ImportError`` naming the extra."""
    try:
        import pandas  # type: ignore[import-untyped]  # noqa: F401
        import pyarrow  # type: ignore[import-untyped]  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as error:
        raise ImportError(
            f"newsclean.spark needs pyspark, pandas and pyarrow ({error}): {INSTALL_HINT}"
        ) from error


def output_schema(*, changes: bool = True) -> "StructType":
    """The Spark type of one cleaned row: title, text, paragraphs and (optionally) changes.

    ``changes`` is an array of structs with the keys of :meth:`newsclean.Change.to_dict`.
    """
    from pyspark.sql.types import (
        ArrayType,
        IntegerType,
        StringType,
        StructField,
        StructType,
    )

    fields = [
        StructField("title", StringType()),
        StructField("text", StringType()),
        StructField("paragraphs", ArrayType(StringType(), containsNull=False)),
    ]
    if changes:
        change = StructType(
            [
                StructField("pass", StringType(), nullable=False),
                StructField("reason", StringType(), nullable=False),
                StructField("start", IntegerType(), nullable=False),
                StructField("end", IntegerType(), nullable=False),
                StructField("removed", StringType(), nullable=False),
                StructField("replacement", StringType(), nullable=False),
            ]
        )
        fields.append(StructField("changes", ArrayType(change, containsNull=False)))
    return StructType(fields)


def _clean_one(
    text: object, title: object, url: object, pipeline: Pipeline, changes: bool
) -> tuple[Any, ...]:
    """One row's output fields; all null when ``text`` is null (or not str/bytes)."""
    if not isinstance(text, (str, bytes)):
        return (None, None, None, None) if changes else (None, None, None)
    article = newsclean.clean(
        text,
        title=title if isinstance(title, str) else None,
        url=url if isinstance(url, str) else None,
        pipeline=pipeline,
    )
    cleaned = (article.title, article.text, list(article.paragraphs))
    if changes:
        return (*cleaned, article.change_dicts())
    return cleaned


def _load_pipeline(payload: bytes | None) -> Pipeline:
    """The user's pipeline, unpickled, or the default one."""
    if payload is None:
        return Pipeline.default()
    pipeline: Pipeline = pickle.loads(payload)
    return pipeline


def _pickled(pipeline: Pipeline | None) -> bytes | None:
    """``pipeline`` as cloudpickle bytes for the executors; a clear error if it can't be."""
    if pipeline is None:
        return None
    if not isinstance(pipeline, Pipeline):
        raise TypeError(f"pipeline must be a newsclean.Pipeline, not {type(pipeline).__name__}")
    from pyspark import cloudpickle

    try:
        payload: bytes = cloudpickle.dumps(pipeline)  # type: ignore[no-untyped-call]
    except Exception as error:
        raise TypeError(
            f"the pipeline cannot be pickled, so it cannot be sent to Spark's executors: {error}."
            " Use passes that pickle (module-level functions, attrs classes, compiled regexes)"
        ) from error
    return payload


def _cleaning_udf(pipeline: Pipeline | None, changes: bool) -> Any:
    """A pandas UDF ``(text, title, url) -> struct`` that builds its pipeline once a partition."""
    import pandas as pd
    from pyspark.sql.pandas.functions import pandas_udf

    payload = _pickled(pipeline)
    names = FIELDS if changes else FIELDS[:3]

    def clean_partition(
        batches: Iterator[tuple[pd.Series, pd.Series, pd.Series]],
    ) -> Iterator[pd.DataFrame]:
        partition_pipeline = _load_pipeline(payload)
        for texts, titles, urls in batches:
            rows = [
                _clean_one(text, title, url, partition_pipeline, changes)
                for text, title, url in zip(texts, titles, urls, strict=True)
            ]
            columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
            yield pd.DataFrame(columns, columns=list(names))

    return pandas_udf(clean_partition, returnType=output_schema(changes=changes))  # type: ignore[call-overload]


def _check_columns(df: "DataFrame", **columns: str | None) -> None:
    """Raise a ValueError or TypeError naming a missing or mistyped input column.

    ``columns`` maps argument names (``text_col``, ...) to column names; the text may
    be string or binary, the others must be string.
    """
    from pyspark.sql.types import BinaryType, StringType

    types = {field.name: field.dataType for field in df.schema.fields}
    for argument, name in columns.items():
        if name is None:
            continue
        if name not in types:
            raise ValueError(
                f"{argument}={name!r} is not a column of the DataFrame. Columns: {', '.join(types)}"
            )
        allowed = (StringType, BinaryType) if argument == "text_col" else (StringType,)
        if not isinstance(types[name], allowed):
            kinds = " or ".join(kind.typeName() for kind in allowed)
            raise TypeError(f"column {name!r} must be {kinds}, not {types[name].simpleString()}")


def _input(name: str | None) -> "Column":
    """The top-level column ``name`` (dots and all), or a null string column for None."""
    from pyspark.sql.functions import col, lit

    if name is None:
        return lit(None).cast("string")
    return col("`" + name.replace("`", "``") + "`")


def clean_dataframe(
    df: "DataFrame",
    text_col: str = "text",
    *,
    title_col: str | None = None,
    url_col: str | None = None,
    pipeline: Pipeline | None = None,
    changes: bool = True,
    prefix: str = "clean_",
) -> "DataFrame":
    """``df`` with the cleaned article of each row's ``text_col`` in new columns.

    Adds ``{prefix}title`` (string), ``{prefix}text`` (string), ``{prefix}paragraphs``
    (array of string) and, unless ``changes=False``, ``{prefix}changes`` (array of
    structs ``pass, reason, start, end, removed, replacement``, as in
    :meth:`newsclean.Change.to_dict`). Each row gets exactly what
    ``newsclean.clean(text, title=..., url=..., pipeline=...)`` gives.

    - ``text_col``: a string column, or a binary one (bytes are decoded as
      :func:`newsclean.clean` does). A null text gives null in every new column.
    - ``title_col``, ``url_col``: optional string columns passed as ``title`` and
      ``url``; a null or empty title means "find the headline in the text".
    - ``pipeline``: a :class:`newsclean.Pipeline` (default: ``Pipeline.default()``).
      It is pickled on the driver and unpickled once per partition, so its passes must
      pickle; the default pipeline does.

    The module's docstring has an example. Lazy like any transformation: nothing runs
    until an action, and an exception in a pass fails the Spark task. Raises
    ``ImportError`` without the ``spark`` extra, ``ValueError`` for a missing input
    column or an output column that already exists, ``TypeError`` for a mistyped input
    column or a pipeline that cannot be pickled.
    """
    _require_spark()
    _check_columns(df, text_col=text_col, title_col=title_col, url_col=url_col)
    names = FIELDS if changes else FIELDS[:3]
    new_columns = [prefix + name for name in names] + [_STRUCT_COLUMN]
    clashes = [name for name in new_columns if name in df.columns]
    if clashes:
        raise ValueError(
            f"the DataFrame already has {', '.join(clashes)}: pass another prefix= than {prefix!r}"
        )
    from pyspark.sql.functions import col

    udf = _cleaning_udf(pipeline, changes)
    article = udf(_input(text_col), _input(title_col), _input(url_col))
    fields = (col(_STRUCT_COLUMN).getField(name).alias(prefix + name) for name in names)
    return df.withColumn(_STRUCT_COLUMN, article).select("*", *fields).drop(_STRUCT_COLUMN)
