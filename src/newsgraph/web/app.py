"""The web app: `create_app(db)` serves the store read-only; uploads only when a token is configured."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from jinja2 import PackageLoader
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsgraph.ingest import DEFAULT_MAX_BYTES
from newsgraph.pipeline import Options
from newsgraph.report.charts import plotly_js
from newsgraph.report.render import asset, environment
from newsgraph.store import Store
from newsgraph.store.analyze import analyze
from newsgraph.web import api, pages
from newsgraph.web.uploads import Saved, receive_files

STATIC = {"style.css": "text/css", "dossier.js": "text/javascript", "plotly.js": "text/javascript"}
CACHE = "public, max-age=86400"
# The names a local instance answers to: any other Host header is refused (DNS rebinding).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
# Scripts and styles only from the app itself (plotly injects its own <style>, hence inline styles);
# no framing, no plugins, forms post only here.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(db: str | Path, token: str | None = None, allowed_hosts: Sequence[str] = LOCAL_HOSTS,
               max_bytes: int = DEFAULT_MAX_BYTES) -> FastAPI:
    """The app over the database `db`: read-only, or writable through /upload when `token` is set.

    Only requests whose Host is one of `allowed_hosts` are answered; each upload file may be
    `max_bytes` long.
    """
    app = FastAPI(title="newsgraph", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Stories, actors, statements, numbers and events read from news coverage, with their evidence.")
    app.state.store = Store(db, writable=token is not None)
    app.state.token = token
    app.state.max_bytes = max_bytes
    app.state.templates = environment(PackageLoader("newsgraph.web"))
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_api_route("/static/{name}", static, methods=["GET"], include_in_schema=False)
    if token is not None:
        app.add_api_route("/upload", upload, methods=["POST"], include_in_schema=False)
    app.middleware("http")(security_headers)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


async def security_headers(request: Request, call_next) -> Response:
    """Every response carries the content-security policy and the anti-sniffing and anti-framing headers."""
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def static(name: str) -> Response:
    """The stylesheet, the dossier script and plotly.js, all from the installed package."""
    if name not in STATIC:
        raise HTTPException(404, f"no static file {name!r}")
    body = plotly_js() if name == "plotly.js" else asset(name)
    return Response(body, media_type=STATIC[name], headers={"Cache-Control": CACHE})


async def upload(request: Request) -> RedirectResponse:
    """Analyze uploaded articles into the store (only with the configured token, checked before the files are read)."""
    state = request.app.state
    with tempfile.TemporaryDirectory() as folder:
        saved = await receive_files(request, state.token, Path(folder), state.max_bytes)
        errors = await run_in_threadpool(_analyze_uploads, saved, state.store, state.max_bytes)
    if errors:
        raise HTTPException(422, "; ".join(errors))
    return RedirectResponse("/", status_code=303)


def _analyze_uploads(saved: list[Saved], store: Store, max_bytes: int) -> list[str]:
    """Analyze the saved files, each named by its uploaded name (never the server's path); return the errors."""
    errors: list[str] = []
    names = {str(file.path): file.name for file in saved}
    analyze(list(names), store, Options(max_bytes=max_bytes, label=names.__getitem__),
            lambda e: errors.append(str(e)), lambda m: None)
    return errors
