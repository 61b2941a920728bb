"""Steps that run newsclean inside other tools' pipelines, one module a tool.

Each module imports its tool only inside itself, and says which extra to install
when the tool is missing:

- :mod:`newsclean.integrations.datatrove`: ``NewscleanFormatter``, a datatrove
  formatter (``pip install 'newsclean[datatrove]'``).

Spark has its own module, :mod:`newsclean.spark`; examples for datatrove, pandas and
Spark are in ``docs/integrations.md``.
"""
