"""`balie`: the command line of the local stack and the knowledge-base tools.

Each subcommand imports its module only when it runs, so `balie classify`
does not pay for moto and `balie serve` does not pay for the matcher build.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from core.clock import now


def _dispatch(target: str):
    module_name, function_name = target.split(":")

    def run(args: argparse.Namespace) -> int:
        module = importlib.import_module(module_name)
        return getattr(module, function_name)(args) or 0

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="balie", description="Balie: chatbot backend for Dutch municipalities")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="start the local stack (embedded AWS + HTTP front)")
    serve.add_argument("--port", type=int, default=None, help="HTTP port (default: $PORT or 3000)")
    serve.add_argument("--parameter", action="append", default=[], metavar="NAME=VALUE",
                       help="a template parameter other than its default, e.g. NewConversationsPerClient=0")
    serve.set_defaults(run=_dispatch("balie_local.stack:serve"))

    classify = commands.add_parser("classify", help="classify questions read from stdin, one JSON line each")
    classify.add_argument("--tenant", default="voorbeeld")
    classify.add_argument("--kb", default=None,
                          help="compile this knowledge directory in memory (default: the compiled src/kb_compiled/)")
    classify.add_argument("--tenants", default=None,
                          help="tenants directory for --kb (default: the tenants/ next to it, else tenants/)")
    classify.set_defaults(run=_dispatch("balie_local.classify_cmd:run"))

    chat = commands.add_parser("chat", help="a conversation in the terminal against the engine")
    chat.add_argument("--tenant", default="voorbeeld")
    chat.set_defaults(run=_dispatch("balie_local.chat_cmd:run"))

    kb = commands.add_parser("kb", help="knowledge-base tools")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    kb_check = kb_commands.add_parser("check", help="validate knowledge/ and tenants/")
    kb_check.set_defaults(run=_dispatch("balie_local.kb_tools:check"))
    kb_build = kb_commands.add_parser("build", help="compile every tenant's knowledge and matcher")
    kb_build.set_defaults(run=_dispatch("balie_local.kb_tools:build"))
    kb_export = kb_commands.add_parser("export", help="write the shared knowledge base as one JSON file")
    kb_export.add_argument("--output", "-o", default="-", help="file to write (default: stdout)")
    kb_export.set_defaults(run=_dispatch("balie_local.kb_tools:export"))
    for sub in (kb_check, kb_build, kb_export):
        sub.add_argument("--kb", default=None, help="knowledge base directory (default: knowledge/)")
        sub.add_argument("--tenants", default=None, help="tenants directory (default: tenants/)")
    kb_proposals = kb_commands.add_parser(
        "proposals", help="anonymised unanswered questions of opted-in tenants, grouped, from the running stack")
    kb_proposals.add_argument("--from", dest="date_from", default=None, help="first day YYYY-MM-DD (default: 92 days ago)")
    kb_proposals.add_argument("--to", dest="date_to", default=None, help="last day YYYY-MM-DD (default: today)")
    kb_proposals.add_argument("--format", choices=("yaml", "json"), default="yaml")
    kb_proposals.add_argument("--output", "-o", default="-", help="file to write (default: stdout)")
    kb_proposals.add_argument("--api", default=None, help="local stack URL (default: http://127.0.0.1:$PORT)")
    kb_proposals.set_defaults(run=_dispatch("balie_local.unanswered_export:run"))

    log_ref = commands.add_parser("log-ref", help="the reference the logs carry for a conversation id (never the id)")
    log_ref.add_argument("conversation_id")
    log_ref.add_argument("--api", default=None, help="local stack URL (default: http://127.0.0.1:$PORT)")
    log_ref.set_defaults(run=_dispatch("balie_local.unanswered_export:log_ref"))

    whatsapp = commands.add_parser("whatsapp", help="try the WhatsApp channel locally")
    wa_commands = whatsapp.add_subparsers(dest="wa_command", required=True, metavar="ACTION")
    wa_send = wa_commands.add_parser("send", help="sign and post a webhook body like Meta does")
    wa_send.add_argument("text")
    wa_send.add_argument("--from", dest="sender", default="31612345678")
    wa_send.add_argument("--tenant", default="voorbeeld")
    wa_send.add_argument("--api", default=None, help="local stack URL (default: http://127.0.0.1:$PORT)")
    wa_send.set_defaults(run=_dispatch("balie_local.whatsapp_cmd:send"))

    tenant = commands.add_parser("tenant", help="tenants as data: add or change a gemeente in a running stack")
    tenant_commands = tenant.add_subparsers(dest="tenant_command", required=True, metavar="ACTION")
    tenant_put = tenant_commands.add_parser("put", help="publish a tenant file (tenants/*.yaml format) and wait until it is live")
    tenant_put.add_argument("file")
    tenant_put.add_argument("--api", default=None, help="API URL (default: the local stack, http://127.0.0.1:$PORT)")
    tenant_put.add_argument("--token", default=None, help="an admin's token (default: $BALIE_TOKEN, else the local operator's)")
    tenant_put.add_argument("--wait", type=float, default=None, help="seconds to wait for the build (default: 180)")
    tenant_put.add_argument("--replace-knowledge", action="store_true",
                            help="replace what the gemeente's editors published (kept without this)")
    tenant_put.set_defaults(run=_dispatch("balie_local.tenant_cmd:put"))
    tenant_get = tenant_commands.add_parser("get", help="the current tenant document (editors' publishes included) as a tenant file")
    tenant_get.add_argument("slug")
    tenant_get.add_argument("-o", "--output", default=None, help="write it to this file (default: stdout)")
    tenant_get.add_argument("--api", default=None, help="API URL (default: the local stack, http://127.0.0.1:$PORT)")
    tenant_get.add_argument("--token", default=None, help="an admin's token (default: $BALIE_TOKEN, else the local operator's)")
    tenant_get.set_defaults(run=_dispatch("balie_local.tenant_cmd:get"))
    messenger = commands.add_parser("messenger", help="try the Messenger and Instagram channel locally")
    messenger_commands = messenger.add_subparsers(dest="messenger_command", required=True, metavar="ACTION")
    messenger_send = messenger_commands.add_parser("send", help="sign and post a webhook body like Meta does")
    messenger_send.add_argument("text")
    messenger_send.add_argument("--from", dest="sender", default="7000000000000001",
                                help="the resident's page-scoped (or Instagram-scoped) id")
    messenger_send.add_argument("--instagram", action="store_true", help="write to the tenant's Instagram account")
    messenger_send.add_argument("--payload", default=None, help="press a quick reply with this payload")
    messenger_send.add_argument("--tenant", default="voorbeeld")
    messenger_send.add_argument("--api", default=None, help="local stack URL (default: http://127.0.0.1:$PORT)")
    messenger_send.set_defaults(run=_dispatch("balie_local.messenger_cmd:send"))

    report = commands.add_parser("report", help="the staff report in the terminal")
    report.add_argument("--tenant", default="voorbeeld")
    report.add_argument("--from", dest="date_from", default=None)
    report.add_argument("--to", dest="date_to", default=None)
    report.add_argument("--api", default=None, help="local stack URL (default: http://127.0.0.1:$PORT)")
    report.add_argument("--csv", action="store_true", help="print one table as CSV (Dutch Excel) instead of the text report")
    report.add_argument("--table", default=None, help="with --csv: totals, days, months, channels, teams, intents, "
                        "handovers or unanswered (default days)")
    report.set_defaults(run=_dispatch("balie_local.report_cmd:run"))

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        now()  # a BALIE_NOW that cannot be read is one line here, not a traceback at the first request
    except ValueError as error:
        print(f"balie: {error}", file=sys.stderr)
        return 2
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
