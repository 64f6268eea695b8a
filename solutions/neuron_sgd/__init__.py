"""One neuron learning AND by single-example SGD (instructor-only): lesson, reference, suite."""
