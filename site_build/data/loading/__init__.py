"""Reading the data folder: the YAML loader with line numbers, the dataset, the settings of
mkdocs.yml, the calendars' memory, the JSON Schemas, their French messages, the vocabularies and
the data's translations.
"""
