"""Báo cáo tổng hợp (placeholder while being written)."""
