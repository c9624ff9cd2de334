"""Machinery shared by the knowledge-base listings and pages of practices, projects
and events: the listing engine (filters, search, facets, pagination), the filter
form, links to organisation profiles, related-content groups and the feed base.

It lives in core so that the content apps never import each other for machinery;
what it needs from ``community`` (organisations, regions, the directory page) it
gets from the registry in ``directory``, filled by the community app.
"""
