"""The join link as a QR code, drawn by segno as SVG (no external service, scales to a
projector without blurring)."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> bytes:
    """A black-on-white SVG with a quiet zone, sized by the page (no fixed width/height)."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=10,
        border=4,
        dark="#000",
        light="#fff",
        xmldecl=False,
        omitsize=True,
        title="QR code to join the class",
    )
    return out.getvalue()
