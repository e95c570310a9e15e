"""Open data files: the whole agreement as one JSON document, measurements as CSV, the
annual cycle and forum meetings as iCalendar."""
from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json

from cooperation import business_id
from cooperation.csv_cells import neutralised
from cooperation.load.sources import Sources
from cooperation.model import Agreement


def bundle(sources: Sources, model: Agreement) -> dict:
    """Every file's data as written (valid against schema/bundle.schema.json) plus the fingerprint."""
    docs = {kind: doc for kind, doc in sources.documents.items() if doc is not None}  # checked sources: all read
    return {
        "fingerprint": model.fingerprint,
        "agreement": docs["agreement"].data,
        # business IDs in their one written form, as every other output prints them
        "parties": [{**p, "business_id": business_id.normalise(p["business_id"])} if "business_id" in p else p
                    for p in docs["parties"].data["parties"]],
        "forums": docs["forums"].data["forums"],
        "annexes": docs["annexes"].data["annexes"] if docs.get("annexes") else [],
        "subareas": [doc.data for doc in sorted(sources.subareas, key=lambda d: d.name)],
        "measurements": [
            {"indicator": m.indicator, "area": m.area, "year": m.year, "value": m.value, **({"note": m.note} if m.note else {})}
            for m in sorted(sources.measurements, key=lambda r: (r.indicator, r.area, r.year))],
    }


def bundle_json(sources: Sources, model: Agreement) -> bytes:
    return json.dumps(bundle(sources, model), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def measurements_csv(model: Agreement) -> bytes:
    out = io.StringIO()
    writer = neutralised(csv.writer(out, lineterminator="\n"))  # text cells never run as formulas (csv_cells)
    writer.writerow(["indicator", "area", "year", "value", "note"])
    for indicator in model.indicators:
        for m in indicator.measurements:
            writer.writerow([indicator.id, m.area, m.year, repr(m.value) if m.value != int(m.value) else int(m.value),
                             m.note or ""])
    return out.getvalue().encode("utf-8")


def _number(value: float | None) -> object:
    if value is None:
        return ""
    return repr(value) if value != int(value) else int(value)


def progress_csv(model: Agreement) -> bytes:
    """The progress level of every indicator in every area with values (model/status.py states the rule)."""
    out = io.StringIO()
    writer = neutralised(csv.writer(out, lineterminator="\n"))
    writer.writerow(["indicator", "area", "level", "base_year", "base_value", "latest_year", "latest_value", "ratio"])
    for indicator in model.indicators:
        for area in indicator.measured_areas:
            s = indicator.progress(area)
            writer.writerow([indicator.id, area, s.code, s.base[0] if s.base else "",
                             _number(s.base[1] if s.base else None), s.latest.year if s.latest else "",
                             _number(s.latest.value if s.latest else None),
                             _number(round(s.ratio, 4) if s.ratio is not None else None)])
    return out.getvalue().encode("utf-8")


def _ics_text(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return "".join(ch for ch in text if ch >= " " or ch == "\\")


def _fold(line: str) -> list[str]:
    """RFC 5545: lines at most 75 octets, continued with a leading space."""
    out: list[str] = []
    current = b""
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return [out[0]] + [" " + part for part in out[1:]]


def calendar_events(model: Agreement, lang: str) -> list[tuple[str, str, int, str]]:
    """(uid, summary, month, description) for each recurring step of the annual cycle and forum."""
    events = []
    for step in model.annual_cycle:
        for month in step.months:
            events.append((f"{step.id}-{month}", step.title.get(lang), month, step.description.get(lang)))
    for forum in model.forums:
        for month in forum.months:
            events.append((f"{forum.id}-{month}", forum.name.get(lang), month, forum.purpose.get(lang)))
    return events


def ics(model: Agreement, lang: str) -> bytes:
    start, end = model.validity
    end = end or model.council_term[1] or datetime.date(start.year + 4, 12, 31)
    stamp = (model.version_date or start).strftime("%Y%m%dT000000Z")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cooperation//strateginen yhteistyosopimus//FI",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ics_text(model.short_title.get(lang))}"]
    for uid, summary, month, description in calendar_events(model, lang):
        year = start.year if month >= start.month else start.year + 1
        first = datetime.date(year, month, 1)
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        digest = hashlib.sha256(f"{model.id}/{uid}".encode()).hexdigest()[:16]
        lines += ["BEGIN:VEVENT", f"UID:{digest}-{uid}@{model.id}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{first:%Y%m%d}", f"DTEND;VALUE=DATE:{following:%Y%m%d}",
                  f"RRULE:FREQ=YEARLY;UNTIL={end:%Y%m%d}", f"SUMMARY:{_ics_text(summary)}"]
        if description:
            lines.append(f"DESCRIPTION:{_ics_text(description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n").encode("utf-8")
