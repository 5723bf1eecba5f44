"""Build-time code of the site: load and check the data, render it, make share images.

Volunteers never need to touch this package: they edit data/ and docs/.
"""
