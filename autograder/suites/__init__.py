"""Hidden test suites, one folder per assignment, run by the grader through autograder.plugin."""
