"""Request size limit: a pure ASGI middleware, so oversized bodies are refused while streaming.

A declared ``Content-Length`` above the limit is refused before the body is read; a chunked
body is counted as it arrives and refused as soon as it passes the limit.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response


class BodySizeLimit:
    """Answer 413 (in the API's error shape) to request bodies over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _refuse(self) -> object:
        return error_response(
            413,
            f"request body larger than {self.max_bytes:,} bytes "
            "(raise max_request_bytes in [eventwire.serve] to accept it)",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_bytes:
                    await self._refuse()(scope, receive, send)  # type: ignore[operator]
                    return
        seen = 0
        started = False
        refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused, started
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes and not refused:
                    refused = True
                    if not started:
                        started = True
                        await self._refuse()(scope, receive, send)  # type: ignore[operator]
                    # Tell the app the client went away: it stops reading and its own
                    # answer is dropped below.
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, tracking_send)
