"""The HTTP face of `rectlint serve`: the versioned API, the page at `/`, and the limits.

Each request is parsed here and linted in a lint process (pool.Pool); this process only
routes, checks and answers. It logs one line per request, without a word of the draft or its
file name: drafts are unpublished government documents.
"""

from __future__ import annotations

import functools
import hmac
import json
import logging
import time
from contextlib import asynccontextmanager
from importlib import resources
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import ValidationError
from starlette.formparsers import MultiPartParser

from rectlint import __version__
from rectlint.docx_annotate import annotated_name
from rectlint.finding import CATEGORIES
from rectlint.messages import CATALOGUES, Said, said
from rectlint.registry import all_rules

from . import Settings, is_loopback, models
from .pool import JobTimeout, Pool, WorkerLost
from .jobs import Failure, Job

log = logging.getLogger("rectlint.serve")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
            "img-src 'self' data: blob:; frame-src 'self' about: blob:; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: Said, headers: dict | None = None):
        super().__init__(code)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def _lang(request: Request) -> str:
    if request.query_params.get("lang") in CATALOGUES:
        return request.query_params["lang"]
    accept = request.headers.get("accept-language", "").lower()
    return "en" if accept.startswith("en") else "zh"


def _error(request: Request, status: int, code: str, message, headers=None) -> JSONResponse:
    zh, en = (message.zh, str(message)) if isinstance(message, Said) else (str(message), str(message))
    return JSONResponse({"error": {"code": code, "message": en if _lang(request) == "en" else zh,
                                   "zh": zh, "en": en}}, status, headers=headers)


class SizeLimit:
    """413 for a body over the limit: at once when Content-Length says so, else as soon as the
    bytes read pass it, so an oversized upload is never held whole."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            response = _error(Request(scope), 413, "too-large", self._said())
            return await response(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise ApiError(413, "too-large", self._said())
            return message

        await self.app(scope, limited, send)

    def _said(self) -> Said:
        return said("serve.too-large", mib=f"{self.max_bytes / 2**20:g}")


def _authorise(request: Request, token: str | None) -> None:
    if token is None:
        # Without a token the server trusts that only this machine can reach it. A web page could
        # still reach it by DNS rebinding (its own name made to resolve to 127.0.0.1), but the
        # browser then sends that name as Host: so only requests addressed to loopback are answered.
        host = _host_name(request.headers.get("host"))
        if host is not None and not is_loopback(host):
            raise ApiError(403, "host", said("serve.host-refused", host=host))
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "token", said("serve.token-required"), {"WWW-Authenticate": "Bearer"})


def _host_name(header: str | None) -> str | None:
    """The name in a Host header, without its port: 127.0.0.1:8080 → 127.0.0.1, [::1]:80 → [::1]."""
    if not header:
        return None
    if header.startswith("["):
        return header[:header.find("]") + 1] or header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _field_error(errors: list) -> ApiError:
    first = errors[0]
    name = ".".join(str(part) for part in first["loc"]) or "body"
    return ApiError(422, "invalid", said("serve.bad-field", field=name, error=first["msg"]))


def _check_selectors(options: models.Options) -> None:
    names = (*(options.select or ()), *options.ignore)
    known = {*all_rules(), *CATEGORIES, "all"} if names else set()
    for name in names:
        if name not in known:
            raise ApiError(422, "invalid", said("serve.unknown-rule", rule=name))


async def _job(request: Request, action: str, max_bytes: int) -> Job:
    """The draft and the options of a request, JSON or multipart."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json" and action != "annotate":
        body = await request.body()
        try:
            asked = models.CheckText.model_validate_json(body)
        except ValidationError as exc:
            if any(e["type"] == "json_invalid" for e in exc.errors()):
                raise ApiError(400, "bad-json", said("serve.bad-json", error=exc.errors()[0]["msg"])) from None
            raise _field_error(exc.errors()) from None
        _check_selectors(asked)
        return Job(action, _basename(asked.filename), asked.text.encode("utf-8"), fmt=asked.format, **_options(asked))
    if content_type not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise ApiError(415, "unsupported-type", said("serve.unsupported-type", type=content_type or "-"))
    async with request.form(max_files=1, max_fields=20, max_part_size=max_bytes) as form:
        upload, text = form.get("file"), form.get("text")
        fields = {k: v for k, v in form.items() if k in models.Options.model_fields and isinstance(v, str) and v}
        flags = {k: form.get(k) in ("1", "true", "on") for k in ("revisions", "unsafe_fixes")}
        if upload is not None and not isinstance(upload, str) and (upload.filename or upload.size):
            name, data = upload.filename or "draft.txt", await upload.read()
        elif isinstance(text, str) and text.strip() and action != "annotate":
            name, data = form.get("filename") or "draft.txt", text.encode("utf-8")
        else:
            raise ApiError(422, "no-input", said("serve.no-input"))
    # the form, and any spooled file under it, is closed above: nothing of the upload outlives this
    try:
        options = models.Options.model_validate(fields)
    except ValidationError as exc:
        raise _field_error(exc.errors()) from None
    _check_selectors(options)
    return Job(action, _basename(name), data, revisions=flags["revisions"], unsafe=flags["unsafe_fixes"],
               **_options(options))


def _options(options: models.Options) -> dict:
    return {"kind": options.kind, "select": tuple(options.select or ()), "ignore": tuple(options.ignore),
            "lang": options.lang, "as_of": options.as_of}


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1] or "draft.txt"


@functools.cache
def _asset(name: str) -> str:
    return resources.files("rectlint.serve").joinpath("page", name).read_text(encoding="utf-8")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    max_bytes = int(settings.max_mib * 2**20)
    # Starlette keeps a form's file in memory up to this size and spools it to disk beyond;
    # drafts stay in memory, and the size limit already bounds them.
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, max_bytes + 1)
    pool = Pool(settings.workers, settings.config, settings.against)

    @asynccontextmanager
    async def lifespan(app):
        await pool.start()
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(title="rectlint", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Lint Chinese rectification notices: the review gate as a service. "
                              "Every /v1/ endpoint needs `Authorization: Bearer <token>` when the server "
                              "was started with a token; without one, it answers only requests addressed to "
                              "localhost, 127.0.0.1 or [::1] (403 otherwise).")
    app.add_middleware(SizeLimit, max_bytes=max_bytes)
    errors = {code: {"model": models.ErrorBody} for code in (400, 401, 403, 413, 415, 422, 500, 503)}

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _error(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):  # a query or path parameter
        error = _field_error(list(exc.errors()))
        return _error(request, error.status, error.code, error.message)

    limit = settings.workers + settings.queue
    taken = [0]  # requests between their first byte read and their answer

    @asynccontextmanager
    async def slot():
        """A place among the requests being linted or waiting: each holds its draft in memory, so
        their number is bounded, and a request past it is told at once instead of waiting."""
        if taken[0] >= limit:
            raise ApiError(503, "busy", said("serve.busy", limit=limit), {"Retry-After": "1"})
        taken[0] += 1
        try:
            yield
        finally:
            taken[0] -= 1

    async def lint(job: Job):
        started = time.perf_counter()
        try:
            answer = await pool.run(job, settings.timeout)
        except JobTimeout:
            raise ApiError(503, "timeout", said("serve.timeout", seconds=f"{settings.timeout:g}")) from None
        except WorkerLost:
            raise ApiError(500, "internal", said("serve.internal", error="lint process lost")) from None
        status = answer.status if isinstance(answer, Failure) else 200
        log.info("%s %s %d bytes %d ms", job.action, status, len(job.data), (time.perf_counter() - started) * 1000)
        if isinstance(answer, Failure):
            code = {422: "input", 415: "not-docx" if job.action == "annotate" else "not-text",
                    400: "invalid"}.get(answer.status, "internal")
            raise ApiError(answer.status, code, answer.message)
        return answer

    check_body = {"required": True, "content": {
        "application/json": {"schema": models.CheckText.model_json_schema(ref_template="#/components/schemas/{model}")},
        "multipart/form-data": {"schema": _form_schema("A draft file (.txt .md .docx .html; .doc .wps .odt .rtf .docm through "
                                                         "LibreOffice; .pdf .ofd), or `text`.")}}}

    @app.post("/v1/check", tags=["lint"], summary="Lint one draft",
              responses={200: {"model": models.CheckResult, "content": {"text/html": {}}}, **errors},
              openapi_extra={"requestBody": check_body, "parameters": [{
                  "name": "format", "in": "query", "required": False,
                  "schema": {"type": "string", "enum": ["json", "html"], "default": "json"},
                  "description": "json: the JSON contract; html: the HTML report (as --format html)."}]})
    async def check(request: Request):
        _authorise(request, settings.token)
        html = request.query_params.get("format", "json") == "html"
        async with slot():
            job = await _job(request, "report" if html else "check", max_bytes)
            answer = await lint(job)
        if html:
            return HTMLResponse(answer, headers={"Content-Security-Policy": "default-src 'none'; "
                                                 "style-src 'unsafe-inline'"})
        return JSONResponse(answer)

    @app.post("/v1/annotate", tags=["lint"], summary="Annotate a Word draft",
              response_class=Response,
              responses={200: {"content": {DOCX_TYPE: {"schema": {"type": "string", "format": "binary"}}},
                               "description": "The draft with one Word comment per finding (and, with "
                                              "revisions, its repairs as tracked changes)."}, **errors},
              openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {
                  "schema": _form_schema("The Word draft: .docx, or .doc .wps .odt .rtf .docm "
                                                               "(converted by LibreOffice; the copy is a .docx).",
                                                               annotate=True)}}}})
    async def annotate(request: Request):
        _authorise(request, settings.token)
        async with slot():
            job = await _job(request, "annotate", max_bytes)
            data, counts = await lint(job)
        name = annotated_name(job.name)
        headers = {"Content-Disposition": f"attachment; filename=\"{_ascii(name)}\"; filename*=UTF-8''{quote(name)}",
                   **{f"X-Rectlint-{key.title()}": str(value) for key, value in counts.items()}}
        return Response(data, media_type=DOCX_TYPE, headers=headers)

    @app.post("/v1/fix", tags=["lint"], summary="Repair a text draft",
              response_class=Response,
              responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}},
                               "description": "The draft with its certain repairs made, as --fix would write "
                                              "it (X-Rectlint-Fixes: how many; X-Rectlint-Findings: what is left)."},
                         **errors},
              openapi_extra={"requestBody": check_body, "parameters": [{
                  "name": "unsafe_fixes", "in": "query", "required": False,
                  "schema": {"type": "boolean", "default": False},
                  "description": "Also make the repairs that need review (as --unsafe-fixes); a form may "
                                 "send it as a field."}]})
    async def fix(request: Request):
        _authorise(request, settings.token)
        async with slot():
            job = await _job(request, "fix", max_bytes)
            if request.query_params.get("unsafe_fixes", "").lower() in ("1", "true", "on"):
                job.unsafe = True
            text, counts = await lint(job)
        name = _stem(job.name) + ".fixed" + ("." + job.name.rsplit(".", 1)[1] if "." in job.name else ".txt")
        headers = {"Content-Disposition": f"attachment; filename=\"{_ascii(name)}\"; filename*=UTF-8''{quote(name)}",
                   **{f"X-Rectlint-{key.title()}": str(value) for key, value in counts.items()}}
        return Response(text.encode("utf-8"), media_type="text/plain; charset=utf-8", headers=headers)

    @app.get("/docs", include_in_schema=False)
    async def docs():
        return HTMLResponse(_docs_page(), headers={"Content-Security-Policy": _docs_csp()})

    @app.get("/docs/assets/{name}", include_in_schema=False)
    async def docs_asset(name: str):
        if name not in DOCS_ASSETS:
            return Response(status_code=404)
        return Response(_docs_asset(name), media_type=DOCS_ASSETS[name],
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/v1/rules", tags=["rules"], summary="Every rule", response_model=list[models.RuleSummary],
             responses={401: errors[401], 403: errors[403], 422: errors[422]})
    async def rules(request: Request, lang: models.Lang = "zh"):
        _authorise(request, settings.token)
        return [_rule(rule, lang) for rule in sorted(all_rules().values(), key=lambda r: (r.category, r.id))]

    @app.get("/v1/rules/{rule_id}", tags=["rules"], summary="One rule and its documentation",
             response_model=models.RuleDetail,
             responses={401: errors[401], 403: errors[403], 404: {"model": models.ErrorBody}, 422: errors[422]})
    async def rule(request: Request, rule_id: str, lang: models.Lang = "zh"):
        _authorise(request, settings.token)
        found = all_rules().get(rule_id)
        if found is None:
            raise ApiError(404, "unknown-rule", said("serve.unknown-rule", rule=rule_id))
        return {**_rule(found, lang), "documentation": found.doc_in(lang), "choices": found.choices}

    @app.get("/healthz", tags=["service"], summary="Whether the server is up", response_model=models.Health)
    async def healthz():
        return {"status": "ok", "version": __version__, "workers": settings.workers}

    @app.get("/", include_in_schema=False)
    async def page():
        body = _asset("index.html").replace("{{version}}", __version__).replace(
            "{{token}}", "required" if settings.token else "")
        return HTMLResponse(body, headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/page/{name}", include_in_schema=False)
    async def asset(name: str):
        types = {"page.js": "text/javascript", "page.css": "text/css"}
        if name not in types:
            return Response(status_code=404)
        return Response(_asset(name), media_type=types[name] + "; charset=utf-8")

    return app


# FastAPI's docs page (Swagger UI) would load its script and style from a CDN; the files come from
# the fastapi-offline package instead (see the README), and the page's policy allows no other origin.
DOCS_ASSETS = {"swagger-ui-bundle.js": "text/javascript; charset=utf-8", "swagger-ui.css": "text/css; charset=utf-8",
               "favicon.png": "image/png"}


@functools.cache
def _docs_asset(name: str) -> bytes:
    return resources.files("fastapi_offline").joinpath("static", name).read_bytes()


@functools.cache
def _docs_page() -> str:
    from fastapi.openapi.docs import get_swagger_ui_html

    page = get_swagger_ui_html(openapi_url="/openapi.json", title="rectlint API",
                               swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                               swagger_css_url="/docs/assets/swagger-ui.css",
                               swagger_favicon_url="/docs/assets/favicon.png",
                               # no badge from the online validator: nothing is fetched from elsewhere
                               swagger_ui_parameters={"validatorUrl": None})
    return page.body.decode("utf-8")


@functools.cache
def _docs_csp() -> str:
    """The docs page's policy: its own origin only, and its one inline script by its hash."""
    import base64
    import hashlib
    import re

    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"
                      for script in re.findall(r"<script>(.*?)</script>", _docs_page(), re.S))
    return (f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def _rule(rule, lang: str) -> dict:
    return {"id": rule.id, "category": rule.category, "severity": rule.severity,
            "summary": rule.summary_in(lang), "options": rule.options}


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)


def _form_schema(file_description: str, annotate: bool = False) -> dict:
    options = models.Options.model_json_schema()["properties"]
    for key in ("select", "ignore"):
        options[key] = {"type": "string", "description": options[key]["description"] + " Comma-separated."}
    properties = {"file": {"type": "string", "format": "binary", "description": file_description}}
    if annotate:
        properties.update({
            "revisions": {"type": "boolean", "description": "Write repairs as tracked changes (--fix-as-revisions)."},
            "unsafe_fixes": {"type": "boolean", "description": "With revisions, the unsafe repairs too."}})
    else:
        properties.update({"text": {"type": "string", "description": "The draft as text, instead of a file."},
                           "filename": {"type": "string", "description": "The text's name in findings."}})
    return {"type": "object", "properties": {**properties, **options}}


def openapi_json(app: FastAPI) -> str:
    return json.dumps(app.openapi(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
