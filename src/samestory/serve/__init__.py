"""serve: the HTTP ways in over the Python API: the REST API and the web UI (`samestory serve`)."""
