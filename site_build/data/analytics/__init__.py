"""Figures computed from the records: the territory's offer for the dashboard, freshness and due
dates.
"""
