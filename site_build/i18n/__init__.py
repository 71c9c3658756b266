"""The site's languages: which ones are built (mkdocs.yml), their interface strings (gettext catalogs)."""
