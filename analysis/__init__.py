"""Pure analyses: DataFrames and graphs plus a parameters object in, a result object out.

Nothing here imports Qt, SQLAlchemy or touches files; ``tests/test_layering.py`` checks it.
"""
