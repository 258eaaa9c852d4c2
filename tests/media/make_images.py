"""Draw the example photos in content/truyen-thong/_anh/ (placeholders, no real people).

Run once: `python tests/media/make_images.py`. Portraits are silhouettes on a coloured
background with the person's initials, so the examples carry no real likeness.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, Ellipse, Rectangle  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "content" / "truyen-thong" / "_anh"

PORTRAITS = {
    "chan-dung-1.png": ("#2f6f8f", "NTL"),
    "chan-dung-2.png": ("#8f4a2f", "LTH"),
    "chan-dung-3.png": ("#4f7f3a", "TMP"),
}


def portrait(path: Path, colour: str, initials: str) -> None:
    fig = plt.figure(figsize=(3, 4), dpi=60)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 3)
    ax.set_ylim(0, 4)
    ax.axis("off")
    ax.add_patch(Rectangle((0, 0), 3, 4, color=colour))
    ax.add_patch(Ellipse((1.5, 0.4), 2.6, 2.2, color="#f3efe6"))
    ax.add_patch(Circle((1.5, 2.2), 0.75, color="#f3efe6"))
    ax.text(1.5, 3.6, initials, ha="center", va="center", color="white", fontsize=20,
            fontweight="bold")
    fig.savefig(path)
    plt.close(fig)


def meeting(path: Path) -> None:
    fig = plt.figure(figsize=(8, 4.5), dpi=60)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 16)
    ax.set_ylim(0, 9)
    ax.axis("off")
    ax.add_patch(Rectangle((0, 0), 16, 9, color="#e9e2d3"))
    ax.add_patch(Rectangle((1, 5.5), 14, 3, color="#8b1a1a"))
    ax.text(8, 7, "HỘI NGHỊ SƠ KẾT BÌNH ĐẲNG GIỚI 2017", ha="center", va="center",
            color="white", fontsize=18, fontweight="bold")
    ax.add_patch(Rectangle((1, 0.5), 14, 1.6, color="#6b4f2f"))
    for i in range(7):
        x = 2 + i * 2
        ax.add_patch(Circle((x, 3.4), 0.55, color="#3a3a3a"))
        ax.add_patch(Ellipse((x, 2.1), 1.5, 1.6, color=("#2f6f8f", "#8f4a2f")[i % 2]))
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (colour, initials) in PORTRAITS.items():
        portrait(OUT / name, colour, initials)
    meeting(OUT / "hoi-nghi.png")
    for p in sorted(OUT.glob("*.png")):
        print(p, p.stat().st_size)
