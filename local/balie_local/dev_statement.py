"""`GET /toegankelijkheid`: the accessibility statement (docs/toegankelijkheid.md) as a page of
the local demo site, linked from its footer, under the same strict CSP as the other pages.

In production the municipality publishes its own statement (Besluit digitale toegankelijkheid)
and takes the widget's and dashboard's evaluation from this document.
"""
from __future__ import annotations

import html

from markdown_it import MarkdownIt

from balie_local.dev_routes import DevRequest, DevResponse, register
from balie_local.front import site_csp
from balie_local.template_resources import REPO_ROOT

STATEMENT = REPO_ROOT / "docs" / "toegankelijkheid.md"

PAGE = """<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} - Gemeente Voorbeeld</title>
  <link rel="icon" href="/favicon.svg">
  <link rel="stylesheet" href="/site.css">
</head>
<body>
  <a class="skip" href="#inhoud">Naar de inhoud</a>
  <header><div class="wrap"><a class="brand" href="/">Gemeente Voorbeeld</a></div></header>
  <main id="inhoud" class="wrap statement">
{body}
  </main>
  <script src="/widget.js" data-tenant="voorbeeld" async></script>
</body>
</html>
"""


def render_statement(markdown: str) -> tuple[str, str]:
    """The page title (the first heading) and the HTML of the statement; wide tables scroll."""
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    body = body.replace("<table>", '<div class="scroll" tabindex="0" role="group" aria-label="Tabel"><table>')
    body = body.replace("</table>", "</table></div>")
    title = next((line.lstrip("# ").strip() for line in markdown.splitlines() if line.startswith("# ")), "Toegankelijkheid")
    return title, body


def statement(request: DevRequest) -> DevResponse:
    title, body = render_statement(STATEMENT.read_text(encoding="utf-8"))
    api_origin = f"http://{request.headers.get('host', '127.0.0.1')}"
    return DevResponse(200, PAGE.format(title=html.escape(title), body=body), {
        "content-type": "text/html; charset=utf-8", "content-security-policy": site_csp(api_origin)})


register("GET", r"/toegankelijkheid", statement)
