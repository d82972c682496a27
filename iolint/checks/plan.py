"""Premium (ADVANCED) features, the base plan, and remote content (third_party_data)."""

from __future__ import annotations

from iolint.checks import content, is_advanced
from iolint.finding import Hit
from iolint.message import ULID_RE
from iolint.registry import payload_check

# Premium features a sender can declare it relies on (config `features`, template `features`).
PREMIUM_FEATURES = {
    "read-status": "checking whether the message was delivered and read",
    "payment-status": "checking whether the notice was paid",
    "reminder-unread": "IO reminders of unread messages",
    "reminder-payment": "IO reminders of payments near their due date",
    "attachments": "PDF attachments",
}


def _third_party(msg: object) -> dict | None:
    value = content(msg).get("third_party_data")
    return value if isinstance(value, dict) else None


def _has_attachments(msg: object) -> bool:
    tpd = _third_party(msg)
    return bool(tpd and tpd.get("has_attachments") is True)


@payload_check("IO401")
def premium_feature_on_base_plan(msg, ctx):
    if ctx.plan != "base":
        return
    if is_advanced(msg):
        yield Hit(
            "feature_level_type",
            "`feature_level_type: ADVANCED` (read status, payment status and reminders) needs "
            "the Premium plan: on the base plan IO answers 403",
        )
    if _has_attachments(msg):
        yield Hit(
            "content.third_party_data.has_attachments",
            "PDF attachments need the Premium plan: on the base plan IO answers 403",
        )
    for feature in sorted(ctx.features - {"attachments"}):
        yield Hit(
            None, f"{PREMIUM_FEATURES[feature]} ({feature}) needs the Premium plan, not the base one"
        )


@payload_check("IO402")
def premium_feature_without_advanced(msg, ctx):
    if ctx.plan != "premium" or is_advanced(msg):
        return
    if _has_attachments(msg):
        yield Hit(
            "content.third_party_data.has_attachments",
            "attachments need `feature_level_type: ADVANCED`; without it IO answers 403 "
            "\"Attachments call forbidden\"",
        )
    for feature in sorted(ctx.features - {"attachments"}):
        yield Hit(
            "feature_level_type" if isinstance(msg, dict) and "feature_level_type" in msg else None,
            f"{PREMIUM_FEATURES[feature]} ({feature}) works only for messages sent with "
            "`feature_level_type: ADVANCED`",
        )


@payload_check("IO410")
def empty_third_party_id(msg, ctx):
    tpd = _third_party(msg)
    if tpd and "id" in tpd and (not isinstance(tpd["id"], str) or not tpd["id"].strip()):
        yield Hit(
            "content.third_party_data.id",
            "`third_party_data.id` must be a non-empty string: IO passes it to your "
            "remote-content endpoints",
        )


@payload_check("IO411")
def missing_configuration_id(msg, ctx):
    tpd = _third_party(msg)
    if tpd is not None and "configuration_id" not in tpd:
        yield Hit(
            "content.third_party_data",
            "`third_party_data` without `configuration_id`: IO answers 403 "
            "\"No configuration id for remote content\"",
        )


@payload_check("IO412")
def invalid_configuration_id(msg, ctx):
    tpd = _third_party(msg)
    if tpd and "configuration_id" in tpd:
        value = tpd["configuration_id"]
        if not isinstance(value, str) or not ULID_RE.match(value):
            yield Hit(
                "content.third_party_data.configuration_id",
                "`configuration_id` must be the 26-character ULID of your remote-content "
                "configuration",
                value=value,
            )
