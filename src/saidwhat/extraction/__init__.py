"""Stages 3 and 4 of saidwhat: find the quotations of a parsed document and attribute them.

The modules follow the order of work (see docs/architecture.md).
"""
