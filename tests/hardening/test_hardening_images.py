"""Bad pictures: a body photo (news article) or a signature image that is huge in pixels, corrupt
or not an image is refused before decoding, naming the content file, line, field and picture."""

from __future__ import annotations

from pathlib import Path

import pytest

from gendoc.body import Image, image_problem
from gendoc.exceptions import RenderError
from gendoc.sign.errors import SignError
from gendoc.sign.signing import _png
from tests.core.test_core_errors import GOOD
from tests.hardening.badfiles import corrupt_png, png
from tests.hardening.catalogue import fails_alone, run_limited

ARTICLE = "content/truyen-thong/tin-hoi-nghi-so-ket-2017.yaml"
PHOTO = "content/truyen-thong/_anh/hoi-nghi.png"
LINE = 15  # anh.tep

# name → (bytes of the picture, words of the message)
PHOTOS: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "bomb_30000": (png(30_000, 30_000, rows=1), ("quá lớn", "50 triệu điểm ảnh")),
    "wide_strip": (png(200_000, 300, rows=1), ("200000×300 điểm ảnh", "vượt giới hạn 50 triệu")),
    "tall_strip": (png(300, 200_000, rows=1), ("300×200000 điểm ảnh",)),
    "corrupt_pixels": (corrupt_png(), ("tệp ảnh bị hỏng",)),
    "png_magic_only": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, ("tệp ảnh bị hỏng",)),
    "jpeg_magic_garbage": (b"\xff\xd8\xff\xe0" + b"junk" * 50, ("tệp ảnh bị hỏng",)),
}


@pytest.mark.parametrize("name", sorted(PHOTOS))
def test_bad_photo_fails_its_article_alone(name: str, example_ws: Path, cli) -> None:  # noqa: ANN001
    data, words = PHOTOS[name]
    (example_ws / PHOTO).write_bytes(data)
    (example_ws / "content" / "good.yaml").write_text(GOOD, encoding="utf-8")
    result = cli("build", str(example_ws / ARTICLE), str(example_ws / "content" / "good.yaml"),
                 ws=example_ws)
    message = fails_alone(result, example_ws, ARTICLE, where=f"dòng {LINE}",
                          words=("trường 'anh.tep'", "ảnh '_anh/hoi-nghi.png'", *words),
                          bad_outputs=("output/truyen-thong/tin-hoi-nghi-so-ket-2017.docx",
                                       "output/truyen-thong/tin-hoi-nghi-so-ket-2017.html"))
    assert "Error" not in message, message


@pytest.mark.parametrize("name", sorted(PHOTOS))
def test_body_image_block_is_refused_before_python_docx_reads_it(name: str,
                                                                 tmp_path: Path) -> None:
    """Pictures that do not come from a content file (report charts) go through the same gate."""
    from docxtpl import DocxTemplate

    from gendoc.docx_blocks import to_subdoc
    from tests.hardening.catalogue import REPO

    path = tmp_path / "hinh.png"
    path.write_bytes(PHOTOS[name][0])
    template = DocxTemplate(str(REPO / "templates" / "ke_hoach.docx"))
    with pytest.raises(RenderError, match="ảnh 'hinh.png': "):
        to_subdoc(template, [Image(path)])


def test_a_normal_photo_passes(tmp_path: Path) -> None:
    path = tmp_path / "ok.png"
    path.write_bytes(png(1600, 1200))
    assert image_problem(path) is None


# name → (bytes, words) for the signature image of `gendoc ky`
SIGNATURES: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "bomb": (png(30_000, 30_000, rows=1), ("quá lớn", "--image")),
    "big_scan": (png(4_000, 3_000, rows=1), ("4000×3000 điểm ảnh", "vượt giới hạn 4 triệu")),
    "corrupt": (corrupt_png(), ("tệp hỏng hoặc không phải ảnh PNG", "--image")),
    "text_file": (b"chu ky", ("tệp hỏng hoặc không phải ảnh PNG",)),
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_bad_signature_image_is_a_clear_error(name: str, tmp_path: Path) -> None:
    data, words = SIGNATURES[name]
    path = tmp_path / "chu-ky.png"
    path.write_bytes(data)
    with pytest.raises(SignError) as caught:
        _png(path, "chữ ký")
    message = caught.value.format_message()
    assert f"ảnh chữ ký '{path}'" in message and "Error" not in message, message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("reader", ["gendoc.body.image_problem", "gendoc.sign.signing._png"])
def test_a_30000_square_png_is_refused_within_a_memory_limit(reader: str, tmp_path: Path) -> None:
    """Decoding 30000×30000 would need 900 MB (more as RGBA): the limit is 1 GiB of address
    space for the whole interpreter, so only a refusal before decoding passes."""
    path = tmp_path / "bom.png"
    path.write_bytes(png(30_000, 30_000))  # every row stored: a real, decodable bomb (~900 KB)
    module, name = reader.rsplit(".", 1)
    result = run_limited(f"""
        import time
        from pathlib import Path
        from {module} import {name} as read
        from gendoc.exceptions import GendocError
        start = time.monotonic()
        try:
            print(read(Path({str(path)!r}), *(["chữ ký"] if {name!r} == "_png" else [])))
        except GendocError as exc:
            print(exc.format_message())
        print("seconds", round(time.monotonic() - start, 1))
    """, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "quá lớn" in result.stdout, result.stdout
    assert float(result.stdout.split("seconds")[-1]) < 5, result.stdout
