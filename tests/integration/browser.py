"""Debian's chromium, headless, driven over the Chrome DevTools Protocol (one
WebSocket, flattened sessions): open pages, collect what they log as errors,
evaluate JavaScript, take screenshots.

chromium is installed with apt-get when missing (`ensure_command`, as the stack
installs its servers); without it the tests fail, never skip."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

from devstack.stack.packages import ensure_command

Json = dict[str, Any]
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--remote-debugging-port=0",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1440,900",
)


class BrowserError(AssertionError):
    pass


class Page:
    """A tab. `errors` holds every console error, uncaught exception and failed
    load it reported since it was opened."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session
        self.errors: list[str] = []
        self.loaded = asyncio.Event()

    async def send(self, method: str, params: Json | None = None) -> Json:
        return await self.browser.send(method, params, session=self.session)

    def on_event(self, method: str, params: Json) -> None:
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            args = params.get("args", [])
            self.errors.append(
                "console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in args)
            )
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            thrown = details.get("exception", {}).get("description") or details.get("text")
            self.errors.append(f"exception: {thrown}")
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            self.errors.append(f"log: {entry['text']} {entry.get('url', '')}".strip())
        elif method == "Page.loadEventFired":
            self.loaded.set()

    async def goto(self, url: str, timeout: float = 30) -> None:
        self.loaded.clear()
        result = await self.send("Page.navigate", {"url": url})
        if "errorText" in result:
            raise BrowserError(f"cannot load {url}: {result['errorText']}")
        await asyncio.wait_for(self.loaded.wait(), timeout)

    async def evaluate(self, expression: str) -> Any:
        result = await self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def screenshot(self, path: Path, width: int = 1440) -> None:
        """The whole page, `width` CSS pixels wide, as a PNG."""
        height = int(await self.evaluate("document.documentElement.scrollHeight"))
        await self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        await asyncio.sleep(0.5)  # the page redraws its charts at the new size
        shot = await self.send("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))


class Browser:
    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future[Json]] = {}
        self.pages: dict[str, Page] = {}

    async def send(self, method: str, params: Json | None = None, session: str = "") -> Json:
        message_id = next(self.ids)
        answer: asyncio.Future[Json] = asyncio.get_running_loop().create_future()
        self.waiting[message_id] = answer
        message: Json = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        await self.socket.send_json(message)
        return await asyncio.wait_for(answer, 30)

    async def receive(self) -> None:
        async for message in self.socket:
            data = message.json()
            if "id" in data:
                answer = self.waiting.pop(data["id"])
                if "error" in data:
                    answer.set_exception(BrowserError(str(data["error"])))
                else:
                    answer.set_result(data.get("result", {}))
            elif data.get("sessionId") in self.pages:
                self.pages[data["sessionId"]].on_event(data["method"], data.get("params", {}))

    async def open(self, url: str) -> Page:
        target = await self.send("Target.createTarget", {"url": "about:blank"})
        attached = await self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )
        page = Page(self, attached["sessionId"])
        self.pages[page.session] = page
        for domain in ("Page", "Runtime", "Log"):
            await page.send(f"{domain}.enable")
        await page.goto(url)
        return page


async def devtools_url(profile: Path, process: subprocess.Popen[bytes], log: Path) -> str:
    """chromium writes its DevTools port and path to the profile once it listens."""
    port_file = profile / "DevToolsActivePort"
    for _ in range(300):
        if port_file.exists():
            lines = port_file.read_text().split()
            if len(lines) == 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        if process.poll() is not None:
            break
        await asyncio.sleep(0.1)
    raise BrowserError(f"chromium did not start; see {log}")


@contextlib.asynccontextmanager
async def chromium(workdir: Path) -> AsyncIterator[Browser]:
    binary = ensure_command("chromium", "chromium", log_path=workdir / "chromium-install.log")
    profile = workdir / "chromium-profile"
    log = workdir / "chromium.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        url = await devtools_url(profile, process, log)
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(url, max_msg_size=0) as socket,
        ):
            browser = Browser(socket)
            receiving = asyncio.create_task(browser.receive())
            try:
                yield browser
            finally:
                receiving.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await receiving
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
