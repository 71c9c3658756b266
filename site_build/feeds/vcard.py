"""vCard 3.0 (RFC 2426) for partners and professionals: the version phones import best."""

from __future__ import annotations

from site_build.data.model.records import Address, Partner, Professional
from site_build.text.french import international_number

_PHONE_TYPES = {"voice": "WORK,VOICE", "cell": "CELL", "fax": "WORK,FAX", "text": "CELL,TEXT"}


def _escape(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on lines starting with a space, never inside a UTF-8 character."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _card(lines: list[str]) -> bytes:
    return ("\r\n".join(_fold(line) for line in ["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"]) + "\r\n").encode(
        "utf-8"
    )


def _address(address: Address) -> list[str]:
    # post office box; extended address; street; locality; region; postal code; country
    lines = [
        f"ADR;TYPE=WORK:;;{_escape(address.street_line)};{_escape(address.commune)};;"
        f"{_escape(address.code_postal)};France"
    ]
    if address.has_position:
        lines.append(f"GEO:{address.latitude};{address.longitude}")
    return lines


def partner_vcard(partner: Partner, page_url: str = "") -> bytes:
    lines = [f"FN:{_escape(partner.nom)}", f"N:{_escape(partner.nom)};;;;", f"ORG:{_escape(partner.nom)}"]
    if partner.sigle:
        lines.append(f"NICKNAME:{_escape(partner.sigle)}")
    lines += _address(partner.adresse)
    if partner.telephone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{international_number(partner.telephone)}")
    if partner.courriel:
        lines.append(f"EMAIL;TYPE=INTERNET:{partner.courriel}")
    if partner.site_web:
        lines.append(f"URL:{partner.site_web}")
    if page_url:
        lines.append(f"SOURCE:{page_url}")
    return _card(lines)


def person_vcard(person: Professional, partner: Partner | None) -> bytes:
    lines = [
        f"FN:{_escape(person.prenom)} {_escape(person.nom)}",
        f"N:{_escape(person.nom)};{_escape(person.prenom)};;;",
        f"TITLE:{_escape(person.fonction)}",
    ]
    if partner:
        lines.append(f"ORG:{_escape(partner.nom)}")
    for phone in person.telephones:
        kind = _PHONE_TYPES.get(phone.type or "voice", "WORK,VOICE")
        lines.append(f"TEL;TYPE={kind}:{international_number(phone.numero)}")
    if person.courriel:
        lines.append(f"EMAIL;TYPE=INTERNET:{person.courriel}")
    return _card(lines)
