"""Peer exchanges move to their own app, ``exchanges``.

Only Django's idea of the models changes here: the eight exchange models leave the
events app's state, and ``exchanges.0001_peer_exchanges_move_to_exchanges_app``
takes them over on the same tables (then renames the tables and relabels their
content types). No row and no table is touched by this migration.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_move_notifications_to_their_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # Children first: each model is gone before the one it points at.
            state_operations=[
                migrations.DeleteModel(
                    name="ExchangeActionItem",
                ),
                migrations.DeleteModel(
                    name="ExchangeCandidate",
                ),
                migrations.DeleteModel(
                    name="ExchangeCheckpoint",
                ),
                migrations.DeleteModel(
                    name="ExchangeFeedback",
                ),
                migrations.DeleteModel(
                    name="ExchangeLog",
                ),
                migrations.DeleteModel(
                    name="ExchangeMission",
                ),
                migrations.DeleteModel(
                    name="ExchangeOffer",
                ),
                migrations.DeleteModel(
                    name="PeerExchange",
                ),
            ],
            database_operations=[],
        ),
    ]
