"""Reading time in syllables, durations, and segment timing for scripts."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gendoc.media.timing import (
    clock,
    parse_duration,
    reading_seconds,
    spoken,
    syllables,
    time_segments,
)
from gendoc.vi.numwords import so_thanh_chu


@pytest.mark.parametrize(("text", "count"), [
    ("Sở Nội vụ tổ chức hội nghị", 7),
    ("", 0),
    ("Bình đẳng giới, tiến bộ của phụ nữ!", 8),
    ("35,5%", 7),  # ba mươi lăm phẩy năm phần trăm
    ("UBND tỉnh", 5),  # ủy ban nhân dân + tỉnh
    ("ABC", 3),  # unknown abbreviations are spelled letter by letter
    ("Ho\u0300a bi\u0300nh", 2),  # NFD input
])
def test_syllables(text: str, count: int) -> None:
    assert syllables(text) == count


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_count_as_read_aloud(n: int) -> None:
    assert syllables(f"có {n} người") == 2 + len(so_thanh_chu(n).split())


@given(st.lists(st.sampled_from(["hội", "nghị", "phụ", "nữ", "cán", "bộ", "tỉnh"]), max_size=400),
       st.floats(min_value=100, max_value=300))
def test_reading_time_is_linear_in_syllables(words: list[str], speed: float) -> None:
    text = " ".join(words)
    assert reading_seconds(text, speed) == pytest.approx(len(words) * 60 / speed)
    assert reading_seconds(text + " " + text, speed) == pytest.approx(2 * reading_seconds(text, speed))


def test_reading_speed_must_be_positive() -> None:
    with pytest.raises(ValueError, match="tốc độ đọc"):
        reading_seconds("a", 0)


@pytest.mark.parametrize(("value", "seconds"), [
    (90, 90), ("90", 90), ("1:30", 90), ("01:30", 90), ("0:01:30", 90), ("1:00:00", 3600),
    ("1 phút 30 giây", 90), ("2 phút", 120), ("45 giây", 45), ("1'30\"", 90), ("45s", 45), (90.0, 90),
])
def test_parse_duration(value: object, seconds: int) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["1:75", "abc", "", "-5", True, "1:60:00", 1.5])
def test_parse_duration_refuses(value: object) -> None:
    with pytest.raises(ValueError, match="thời lượng|phút"):
        parse_duration(value)


@given(st.integers(min_value=0, max_value=20 * 3600))
def test_clock_round_trips(seconds: int) -> None:
    assert parse_duration(clock(seconds)) == seconds
    assert parse_duration(spoken(seconds)) == seconds if seconds < 3600 else True


def test_segments_start_where_the_previous_ended_and_flag_overruns() -> None:
    texts = ["một hai ba bốn năm sáu bảy tám chín mười", "", "a " * 100]
    timings = time_segments([10, 5, 20], texts, per_minute=200)
    assert [t.start for t in timings] == [0, 10, 15]
    assert [t.syllables for t in timings] == [10, 0, 100]
    assert timings[0].needed == pytest.approx(3.0)
    assert timings[0].fits and timings[1].fits
    assert not timings[2].fits  # 100 syllables need 30 s in a 20 s segment
    assert timings[2].needed == pytest.approx(30.0)
    assert timings[2].capacity == 66


def test_page_typography() -> None:
    from gendoc.media.blocks import text
    from gendoc.media.convert import to_html
    from gendoc.media.page import page

    body = to_html([text("Có 35 người, 2 phút và 12,5 %."), text("Ho\u0300a")])
    out = page("Tiêu đề & <thử>", body, description='Mô tả "a"', site="Cổng")
    assert "<title>Tiêu đề &amp; &lt;thử&gt;</title>" in out
    assert 'content="Mô tả &#34;a&#34;"' in out
    shown = html.unescape(out)
    assert "35\u00a0người" in shown and "2\u00a0phút" in shown and "12,5\u00a0%" in shown
    assert "<p>Hòa</p>" in out  # NFC
    assert '<html lang="vi">' in out and '<header class="dau">Cổng</header>' in out
