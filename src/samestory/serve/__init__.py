"""serve: the ways in: CLI (and, later, REST API and web UI) over the Python API."""
