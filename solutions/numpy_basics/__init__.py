"""Python basics with numpy: vectorization, broadcasting and rank-1 pitfalls (instructor-only)."""
