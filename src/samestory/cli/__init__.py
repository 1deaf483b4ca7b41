"""cli: the `samestory` command line, a thin layer over the Python API.

`app.py` holds the typer app and `main` (the console script); each other module adds
one command group (`stories.py`: ingest, stories, story, reports, recluster, eval
clusters; `report.py`, `serve.py`, `spark.py`, `learn.py`: train and eval). The package
imports nothing itself, so `import samestory` stays cheap.
"""
