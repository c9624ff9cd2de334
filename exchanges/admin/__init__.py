"""Coordinators' peer-exchange screens in the Wagtail admin: the queue per state
(``queue``) and the case page with every tool of the case manager (``case``).
``exchanges.wagtail_hooks`` registers their URLs and the menu item. Who may do what
is asked of ``exchanges.permissions``; every write goes through
``exchanges.services``."""
