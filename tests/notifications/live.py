"""Real services for the outbox tests and the benchmark: an SMTP sink (aiosmtpd
on 127.0.0.1) that counts what it accepted, and a Celery worker subprocess.

The sink records a message when it answers 250 to its DATA, the moment a real
server takes responsibility for it. In ``hold`` mode it keeps new messages waiting
before that answer; if the client dies meanwhile (a killed worker), aiosmtpd
cancels the handler and the message is never accepted, as on a real server.
"""

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SinkHandler:
    def __init__(self):
        self.messages: list[dict] = []
        self.lock = threading.Lock()
        self.hold = False
        self.waiting = 0

    async def handle_DATA(self, server, session, envelope):
        if self.hold:
            with self.lock:
                self.waiting += 1
            try:
                while self.hold:
                    await asyncio.sleep(0.02)
            finally:
                with self.lock:
                    self.waiting -= 1
        message = message_from_bytes(envelope.original_content or envelope.content)
        html = ""
        for part in message.walk():
            if part.get_content_type() == "text/html":
                html = part.get_payload(decode=True).decode()
        with self.lock:
            self.messages.append(
                {
                    "message_id": message["Message-ID"],
                    "notification_id": message["X-Notification-Id"],
                    "to": envelope.rcpt_tos,
                    "subject": " ".join(
                        str(make_header(decode_header(message["Subject"]))).split()
                    ),
                    "html": html,
                }
            )
        return "250 Message accepted for delivery"


class SmtpSink:
    """An SMTP server on 127.0.0.1 that can be stopped and started again on the
    same port."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.handler = SinkHandler()
        self.controller: Controller | None = None

    def start(self) -> "SmtpSink":
        # aiosmtpd logs every SMTP command at INFO; thousands of lines would slow
        # the sink down more than the mail itself.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, ready_timeout=10
        )
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[dict]:
        with self.handler.lock:
            return list(self.handler.messages)

    def count(self) -> int:
        return len(self.messages)

    def duplicates(self) -> int:
        counts = Counter(m["notification_id"] for m in self.messages)
        return sum(n - 1 for n in counts.values() if n > 1)

    def clear(self) -> None:
        with self.handler.lock:
            self.handler.messages.clear()


def wait_for(condition, timeout: float = 30, interval: float = 0.1):
    """Poll ``condition`` until it returns something true; fail after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout}s waiting for {condition}")
        time.sleep(interval)


class Worker:
    """``celery -A config worker`` in its own process group, so that it and its
    pool processes can be killed together."""

    def __init__(
        self,
        *,
        database_url: str,
        redis_url: str,
        smtp_port: int,
        concurrency: int = 2,
        extra_env: dict | None = None,
        log_path: Path | None = None,
    ):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "worker-" + "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "REDIS_CACHE_URL": redis_url,
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "DJANGO_LOG_LEVEL": "WARNING",
            **(extra_env or {}),
        }
        self.concurrency = concurrency
        self.log_path = log_path or ROOT / "var" / f"worker-{os.getpid()}.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> "Worker":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("w") as log:
            self.process = self._spawn(log)
        wait_for(self._ready, timeout=timeout, interval=0.2)
        return self

    def _spawn(self, log) -> subprocess.Popen:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--concurrency",
                str(self.concurrency),
                "--pool",
                "prefork",
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--hostname",
                f"outbox-test-{os.getpid()}@%h",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(
                f"The worker exited: {self.log_path.read_text()[-3000:]}"
            )
        return " ready." in self.log_path.read_text()

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
