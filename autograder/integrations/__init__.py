"""Hand assignments to other grading systems (nbgrader)."""
