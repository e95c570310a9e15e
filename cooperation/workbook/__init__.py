"""The round-trip workbook's format: what export-xlsx writes and import-xlsx reads, written once.

``layout``: its sheets, their columns and headings, which cells the import reads, the rows of a party's copy
and of the yearly values sheet. ``cells``: how each value is shown in a cell and read back from one (words of
the workbook's language for codes, numbers with a decimal comma, party names, schedules). The export
(cooperation/outputs/workbook.py) and the import (cooperation/imports/roundtrip.py) both go through them, so a
workbook that nobody edited reads back to exactly the data it was made from.
"""
