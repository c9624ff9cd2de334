"""The rate limit holds when one person sends many messages at once: the count
is taken after locking the sender's row, so exactly the limit is accepted."""

import threading

from django.db import connection, connections

import pytest

from conversations import services
from conversations.models import Message

# The migrations' rows (content types, locales) come back after the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SENDS = 50


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
def test_fifty_sends_at_once_accept_exactly_the_hourly_limit(people, settings):
    settings.CONVERSATIONS_MESSAGES_PER_HOUR = 20
    settings.CONVERSATIONS_MESSAGES_PER_DAY = 60
    conversation = services.conversation_start(
        sender=people.verified, recipient=people.peer, subject="Go", body="First"
    )
    barrier = threading.Barrier(SENDS)
    accepted, refused, errors = [], [], []

    def send(number: int) -> None:
        try:
            barrier.wait()
            services.message_send(
                conversation=conversation, sender=people.verified, body=f"#{number}"
            )
            accepted.append(number)
        except services.ConversationError as error:
            refused.append(str(error))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(SENDS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    # The first message counts too: 19 more fit in the hour.
    assert len(accepted) == 19
    assert len(refused) == SENDS - 19
    assert all("in the last hour" in reason for reason in refused)
    assert Message.objects.filter(sender=people.verified).count() == 20
