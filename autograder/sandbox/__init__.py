"""Isolation between the trusted grading driver and the untrusted worker that runs student code."""
