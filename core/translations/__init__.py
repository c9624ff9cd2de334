"""Per page: which languages exist and which translations are out of date.

``status`` keeps the record (``core.models.TranslationSync``) and reads it;
``views`` shows it to editors: a report with a column per language, and a page's
own overview with what changed in the original and the actions on it.
"""
