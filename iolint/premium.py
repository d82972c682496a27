"""IO's Premium (ADVANCED) features a sender can declare it relies on (config ``features``,
template ``features``, ``iolint.lint(features=...)``), with what each does for the citizen."""

from __future__ import annotations

FEATURES = {
    "read-status": "checking whether the message was delivered and read",
    "payment-status": "checking whether the notice was paid",
    "reminder-unread": "IO reminders of unread messages",
    "reminder-payment": "IO reminders of payments near their due date",
    "attachments": "PDF attachments",
}
