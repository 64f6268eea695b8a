"""The public tests of `two_layer_net`, written by `autograder release` from the hidden suite.

Run them with `python public_tests.py` (or `check(...)` in the notebook). Do not edit these
files: they are generated, and the grader uses its own copy of the tests.
"""
