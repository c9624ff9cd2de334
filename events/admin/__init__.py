"""Organisers' tools for an event in the Wagtail admin.

``applicants`` (the list with filters, balance and export, one application),
``decisions`` (bulk and single transitions), ``check_in``, ``invitations`` and
``outbox`` (notices, messages to participants, cancelling) hold the views; ``forms``
their forms; ``base`` what they share; ``urls`` and ``menu`` wire them into the
admin (imported from ``events.wagtail_hooks``).

Who may open these screens: exactly those for whom
``events.permissions.can_manage_event(user, event)`` is true (superusers,
coordinators whose region covers the event's region, people listed as the event's
organisers), and they need the Wagtail admin (the Editors or Coordinators group).
Others are sent away the way the rest of the admin does it (see
``tests/events/test_admin_permissions.py``).

Who sees personal data (``events.permissions.can_see_personal_data``): superusers
and the event's listed organisers see everything, including e-mail addresses,
gender, accessibility and dietary needs and motivation. Coordinators who manage the
event only through their region see and export names, organisation, country, role,
what people bring and their state: enough to run the process, not more (data
minimisation). Aggregate counts are shown to all who manage.

Every write goes through ``events.services`` or ``events.announcements``.
"""
