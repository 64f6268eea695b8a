"""The logistic-regression assignment (instructor-only): lesson, reference and hidden suite."""
