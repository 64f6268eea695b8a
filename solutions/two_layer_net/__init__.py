"""The two-layer-network assignment (instructor-only): lesson, reference and hidden suite."""
