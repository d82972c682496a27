"""Premium (ADVANCED) features, the base plan, and remote content (third_party_data)."""

from __future__ import annotations

from iolint.finding import Hit
from iolint.message import ULID_RE
from iolint.premium import FEATURES as PREMIUM_FEATURES
from iolint.registry import payload_check


def _has_attachments(view) -> bool:
    tpd = view.third_party
    return bool(tpd and tpd.get("has_attachments") is True)


def _is_advanced(view) -> bool:
    return view.is_dict and view.data.get("feature_level_type") == "ADVANCED"


@payload_check("IO401")
def premium_feature_on_base_plan(view, ctx):
    if ctx.plan != "base":
        return None
    hits = []
    if _is_advanced(view):
        message = (
            "`feature_level_type: ADVANCED` (read status, payment status and reminders) needs "
            "the Premium plan: on the base plan IO answers 403"
        )
        hits.append(Hit("feature_level_type", message))
    if _has_attachments(view):
        message = "PDF attachments need the Premium plan: on the base plan IO answers 403"
        hits.append(Hit("content.third_party_data.has_attachments", message))
    for feature in sorted(ctx.features - {"attachments"}) if ctx.features else ():  # most runs declare none
        hits.append(Hit(None, f"{PREMIUM_FEATURES[feature]} ({feature}) needs the Premium plan, not the base one"))
    return hits


@payload_check("IO402")
def premium_feature_without_advanced(view, ctx):
    if ctx.plan != "premium" or _is_advanced(view):
        return None
    hits = []
    if _has_attachments(view):
        message = (
            'attachments need `feature_level_type: ADVANCED`; without it IO answers 403 "Attachments call forbidden"'
        )
        hits.append(Hit("content.third_party_data.has_attachments", message))
    field = "feature_level_type" if view.is_dict and "feature_level_type" in view.data else None
    for feature in sorted(ctx.features - {"attachments"}):
        message = (
            f"{PREMIUM_FEATURES[feature]} ({feature}) works only for messages sent with `feature_level_type: ADVANCED`"
        )
        hits.append(Hit(field, message))
    return hits


@payload_check("IO410", needs="third_party")
def empty_third_party_id(view, ctx):
    tpd = view.third_party
    if tpd and "id" in tpd and (not isinstance(tpd["id"], str) or not tpd["id"].strip()):
        message = "`third_party_data.id` must be a non-empty string: IO passes it to your remote-content endpoints"
        return [Hit("content.third_party_data.id", message)]
    return None


@payload_check("IO411", needs="third_party")
def missing_configuration_id(view, ctx):
    if "configuration_id" not in view.third_party:
        message = (
            '`third_party_data` without `configuration_id`: IO answers 403 "No configuration id for remote content"'
        )
        return [Hit("content.third_party_data", message)]
    return None


@payload_check("IO412", needs="third_party")
def invalid_configuration_id(view, ctx):
    tpd = view.third_party
    if tpd and "configuration_id" in tpd:
        value = tpd["configuration_id"]
        if not isinstance(value, str) or not ULID_RE.match(value):
            message = "`configuration_id` must be the 26-character ULID of your remote-content configuration"
            return [Hit("content.third_party_data.configuration_id", message, value=value)]
    return None
