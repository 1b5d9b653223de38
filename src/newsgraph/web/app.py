"""The web app: `create_app(db)` serves the store read-only; uploads only when a token is configured."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from jinja2 import PackageLoader

from newsgraph.pipeline import Options
from newsgraph.report.charts import plotly_js
from newsgraph.report.render import asset, environment
from newsgraph.store import Store
from newsgraph.store.analyze import analyze
from newsgraph.web import api, pages

STATIC = {"style.css": "text/css", "dossier.js": "text/javascript", "plotly.js": "text/javascript"}
CACHE = "public, max-age=86400"


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The app over the database `db`: read-only, or writable through /upload when `token` is set."""
    app = FastAPI(title="newsgraph", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Stories, actors, statements, numbers and events read from news coverage, with their evidence.")
    app.state.store = Store(db, writable=token is not None)
    app.state.token = token
    app.state.templates = environment(PackageLoader("newsgraph.web"))
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_api_route("/static/{name}", static, methods=["GET"], include_in_schema=False)
    if token is not None:
        app.add_api_route("/upload", upload, methods=["POST"], include_in_schema=False)
    return app


def static(name: str) -> Response:
    """The stylesheet, the dossier script and plotly.js, all from the installed package."""
    if name not in STATIC:
        raise HTTPException(404, f"no static file {name!r}")
    body = plotly_js() if name == "plotly.js" else asset(name)
    return Response(body, media_type=STATIC[name], headers={"Cache-Control": CACHE})


def upload(request: Request, files: list[UploadFile] = File(...), token: str = Form(...)) -> RedirectResponse:
    """Analyze uploaded articles into the store (only with the configured token)."""
    if not secrets.compare_digest(token.encode(), request.app.state.token.encode()):
        raise HTTPException(403, "wrong upload token")
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = [_save(upload_file, Path(folder), i) for i, upload_file in enumerate(files)]
        analyze(paths, request.app.state.store, Options(), lambda e: errors.append(str(e)), lambda m: None)
    if errors:
        raise HTTPException(422, "; ".join(errors))
    return RedirectResponse("/", status_code=303)


def _save(upload_file: UploadFile, folder: Path, number: int) -> str:
    """Write an upload under a safe name keeping its extension (readers choose by extension)."""
    suffix = "".join(Path(upload_file.filename or "").suffixes[-2:])
    path = folder / f"upload{number}{suffix}"
    path.write_bytes(upload_file.file.read())
    return str(path)
