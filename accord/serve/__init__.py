"""The register over HTTP: a JSON API under /api and server-rendered pages, thin handlers over store views.

Importing this package costs nothing; FastAPI and uvicorn load only when `accord serve` runs.
"""
