"""A wire server on 127.0.0.1 that serves fixture feeds, changes them over
time, and misbehaves on purpose: 304s, 500s, slow and hanging answers,
truncated and malformed XML, entity bombs, XXE, a 20 MB body, a wrong charset
declaration, duplicate guids and items without guid; and a feed whose language
only its `Content-Language` header declares."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web

from tests.xml_attacks import BILLION_LAUGHS as BILLION_LAUGHS_TEMPLATE

HUGE_BYTES = 20 * 1024 * 1024


def rss(*items: str, encoding: str = "UTF-8") -> bytes:
    body = "".join(items)
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>Wire</title><link>http://wire.test/</link><description>d</description>"
        f"{body}</channel></rss>"
    ).encode()


def item(title: str, text: str, guid: str | None = None, link: str | None = None) -> str:
    parts = [f"<title>{title}</title>", f"<description>{text}</description>"]
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if link is not None:
        parts.append(f"<link>{link}</link>")
    return "<item>" + "".join(parts) + "</item>"


BILLION_LAUGHS = BILLION_LAUGHS_TEMPLATE.format(
    open='<rss version="2.0"><channel><title>t</title><item><title>',
    close="</title><guid>bomb</guid>\n<description>x</description></item></channel></rss>",
).encode()


def xxe(path: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{path}">]>\n'
        '<rss version="2.0"><channel><title>t</title><item><title>leak</title>'
        "<guid>xxe</guid><description>&secret;</description></item></channel></rss>"
    ).encode()


@dataclass
class WireServer:
    """Feeds by name; `stage` moves changing feeds forward; `hits` counts requests."""

    secret_path: str = "/etc/passwd"
    stage: int = 1
    hits: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)
    huge_bytes_sent: list[int] = field(default_factory=list)
    """Bytes of the 20 MB body written before the client hung up, per request."""
    flaky_failures: int = 2
    token: str = "s3cret"
    _runner: web.AppRunner | None = None
    port: int = 0

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def feeds(self) -> dict[str, bytes]:
        changing = [item("Deal agreed", "BEIRUT, Oct 14 (Reuters) - A deal was agreed.", "chg-1")]
        if self.stage >= 2:
            changing = [
                item(
                    "Deal agreed, convoy leaves",
                    "BEIRUT, Oct 14 (Reuters) - A deal was agreed. A convoy left.",
                    "chg-1",
                ),
                item("Second story", "BEIRUT, Oct 14 (Reuters) - Another story.", "chg-2"),
            ]
        return {
            "stable.xml": rss(
                item("Stable one", "Text one.", "stable-1"),
                item("Stable two", "Text two.", "stable-2"),
            ),
            "changing.xml": rss(*changing),
            "flaky.xml": rss(item("Flaky but fine", "It works in the end.", "flaky-1")),
            "slow.xml": rss(item("Slow but fine", "Worth the wait.", "slow-1")),
            "malformed.xml": rss(item("Broken", "Unclosed <b>tag", "bad-1")).replace(
                b"&lt;", b"<"
            ),
            "truncated.xml": rss(item("Cut", "Cut off.", "cut-1"))[:120],
            "bomb.xml": BILLION_LAUGHS,
            "xxe.xml": xxe(self.secret_path),
            "charset.xml": rss(
                item("Évacuation de Raqa", "BEYROUTH, 14 oct (AFP) - Un convoi a quitté Raqa.",
                     "charset-1"),
                encoding="ISO-8859-1",
            ),
            "duplicates.xml": rss(
                item("Rates held", "The bank held rates.", "dup-1"),
                item("Rates held", "The bank held rates.", "dup-1"),
                item("Rates held, cut signalled", "The bank held rates but signalled a cut.",
                     "dup-1"),
            ),
            "noguid.xml": rss(
                item("No guid A", "Story A.", link="http://wire.test/a"),
                item("No guid B", "Story B."),
            ),
            "auth.xml": rss(item("Members only", "Paid content.", "auth-1")),
            "norsk.xml": rss(item("Togene står", "OSLO (NTB) - Togene står i hele landet.",
                                  "norsk-1")),
        }  # fmt: skip

    async def handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.hits[name] += 1
        if name == "hang.xml":
            await asyncio.sleep(3600)
        if name == "huge.xml":
            return await self._huge(request)
        if name == "flaky.xml" and self.hits[name] <= self.flaky_failures:
            return web.Response(status=500, text="upstream exploded")
        if name == "slow.xml":
            await asyncio.sleep(0.8)
        if name == "auth.xml" and request.headers.get("Authorization") != f"Bearer {self.token}":
            return web.Response(status=401, text="who are you?")
        if name == "cut-transfer.xml":
            return await self._cut_transfer(request)
        body = self.feeds().get(name)
        if body is None:
            return web.Response(status=404)
        etag = f'"{name}-{hash(body) & 0xFFFFFFFF:x}"'
        if request.headers.get("If-None-Match") == etag:
            self.not_modified[name] += 1
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(
            body=body,
            headers={
                "ETag": etag,
                "Last-Modified": "Sat, 14 Oct 2017 16:00:00 GMT",
                "Content-Type": "application/rss+xml",
                **({"Content-Language": "nb-NO"} if name == "norsk.xml" else {}),
            },
        )

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        chunk = b"<!-- " + b"x" * (64 * 1024 - 9) + b" -->"
        sent = 0
        try:
            await response.write(rss()[:-22])
            while sent < HUGE_BYTES:
                await response.write(chunk)
                sent += len(chunk)
        except ConnectionError:
            pass
        finally:
            self.huge_bytes_sent.append(sent)
        return response

    async def _cut_transfer(self, request: web.Request) -> web.StreamResponse:
        body = rss(item("Cut", "Cut mid-transfer.", "cut-2"))
        response = web.StreamResponse(headers={"Content-Length": str(len(body))})
        await response.prepare(request)
        await response.write(body[: len(body) // 2])
        assert request.transport is not None
        request.transport.close()
        return response

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/{name}", self.handle)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
