"""Validation: every check of the data and of the other files editors change, and the problems they
report.
"""
