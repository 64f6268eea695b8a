"""The computation-graph assignment (instructor-only): lesson, reference and hidden suite."""
