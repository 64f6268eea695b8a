"""dl-autograder: lessons, student releases and a sandboxed grader for deep-learning exercises."""

__version__ = "0.1.0"
