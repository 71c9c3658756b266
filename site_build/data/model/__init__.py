"""The typed records built once validation has passed, the build profiles, and the rules they carry
(editions, rights, needs, shown labels).
"""
