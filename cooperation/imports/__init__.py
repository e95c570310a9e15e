"""Commands that write data files, one module each: import_xlsx (a workbook), import_measurements (indicator
values), new_subarea (a sub-area scaffold).

Shared: common (where problems go; writing only what the validator accepts), xlsx (reading an .xlsx file, and
problems at its cells), template (Kuntaliitto's template filled by hand), roundtrip and rebuild (a workbook
export-xlsx made, read back and worked out against the data it came from), merge (three ways), yaml_writer.
Each writes nothing at all when any error occurs, and overwrites nothing without --force.
"""
