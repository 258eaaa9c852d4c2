"""PNG images the tests sign with: a blue handwritten-like stroke and a red seal, both on a
transparent background, as ND30 Phụ lục I asks."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw


def signature_png(path: Path, size: tuple[int, int] = (600, 240)) -> Path:
    img = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    w, h = size
    points = [(w * x / 20, h / 2 + (h / 3) * ((-1) ** x) * (0.3 + x / 40)) for x in range(1, 20)]
    draw.line(points, fill=(20, 40, 200, 255), width=max(w // 100, 3), joint="curve")
    draw.line([(w * 0.15, h * 0.8), (w * 0.85, h * 0.75)], fill=(20, 40, 200, 255), width=4)
    img.save(path)
    return path


def seal_png(path: Path, px: int = 500) -> Path:
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    red = (210, 20, 20, 255)
    draw.ellipse([4, 4, px - 5, px - 5], outline=red, width=px // 40)
    draw.ellipse([px // 5, px // 5, px - px // 5, px - px // 5], outline=red, width=px // 80)
    draw.regular_polygon((px / 2, px / 2, px / 8), 5, fill=red)
    img.save(path)
    return path


def opaque_jpeg(path: Path) -> Path:
    Image.new("RGB", (300, 120), (255, 255, 255)).save(path, "JPEG")
    return path
