"""A real SMTP server (aiosmtpd) on loopback for the email tests.

What it does depends on the recipient's local part:
  refuse-permanently@...  550 at RCPT, every time
  refuse-once@...         451 at RCPT the first time, accepted after
  drop-once@...           the connection closed after the message's data, before any answer, the first time
anything else is accepted and written to --out as <n>.eml. Optional STARTTLS (required) or TLS from the first
byte, and AUTH (required) with one user name and password. Prints "ready" when it is listening.
"""
import argparse
import asyncio
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.seen = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local == "refuse-permanently":
            return "550 5.1.1 No such mailbox here"
        if local == "refuse-once" and address not in self.seen:
            self.seen.add(address)
            return "451 4.7.1 Greylisted, please try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        dropping = [a for a in envelope.rcpt_tos if a.lower().startswith("drop-once@") and a not in self.seen]
        if dropping:
            self.seen.update(dropping)
            server.transport.abort()
            return "421 4.3.0 gone"
        self.count += 1
        path = os.path.join(self.out, f"{self.count}.eml")
        with open(path + ".partial", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(path + ".partial", path)
        return "250 2.0.0 Queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    context = None
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
        return AuthResult(success=ok, handled=False)

    options = dict(hostname="127.0.0.1", port=args.port)
    if args.tls == "starttls":
        options.update(tls_context=context, require_starttls=True)
    if args.tls == "implicit":
        options.update(ssl_context=context)
    if args.user:
        options.update(authenticator=authenticate, auth_required=True, auth_require_tls=args.tls != "none")
    controller = Controller(Handler(args.out), **options)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()  # until the test closes our input or kills us
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
