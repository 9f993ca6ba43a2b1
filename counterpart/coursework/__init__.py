"""Coursework: handing a workbook in (handin) and grading a class's hand-ins (grading), each
submission run as untrusted code in its own process (sandbox, runner).

Kept apart from the lessons' package code; ``python -m counterpart.coursework`` is what
``course.py export`` and ``course.py grade`` call inside the course's environment.
"""
