"""Organisers' tools for an event in the Wagtail admin: ``applicants`` (list,
balance, export), ``decisions``, ``check_in``, ``invitations`` and ``outbox`` hold
the views, ``forms`` their forms, ``base`` what they share; ``urls`` and ``menu``
wire them in and ``my_queue`` adds the applications awaiting a decision to the
dashboard (imported from ``events.wagtail_hooks``).

Who may open them: those for whom ``events.permissions.can_manage_event`` is true
and who have the Wagtail admin; others are sent away like elsewhere in the admin.
Personal data (e-mail, gender, needs, motivation) only for those for whom
``events.permissions.can_see_personal_data`` is true (superusers and the event's
listed organisers); coordinators managing through their region see enough to run
the process, not more. Every write goes through ``events.services`` or
``events.announcements``.
"""
