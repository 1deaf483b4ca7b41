"""Writing WARC response records in tests (the WARC reader's and the Spark job's)."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WARC_DATE = "2025-03-21T05:00:00Z"


def write_response(
    writer: WARCWriter,
    uri: str,
    payload: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(payload),
        http_headers=http,
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )
    writer.write_record(record)
