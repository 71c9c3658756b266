"""schema.org JSON-LD blocks, safe to embed in HTML."""

from __future__ import annotations

import json

from site_build.data.dataset import street_line
from site_build.text.french import international_number


def script_tag(data: dict) -> str:
    """<script type="application/ld+json">; '<', '>' and '&' escaped so data cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def organization(partner: dict, page_url: str, description: str = "") -> dict:
    """schema.org Organization of a partner, with its address, contacts, opening hours and services."""
    address = partner.get("adresse") or {}
    data = {"@context": "https://schema.org", "@type": "Organization", "name": partner["nom"]}
    if page_url:
        data["@id"] = page_url
    if partner.get("sigle"):
        data["alternateName"] = partner["sigle"]
    if description:
        data["description"] = description
    if partner.get("site_web"):
        data["url"] = partner["site_web"]
    if partner.get("telephone"):
        data["telephone"] = international_number(partner["telephone"])
    if partner.get("courriel"):
        data["email"] = partner["courriel"]
    if address:
        street = street_line(address)
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": address.get("code_postal", ""),
            "addressLocality": address.get("commune", ""),
            "addressCountry": "FR",
        }
        if isinstance(address.get("latitude"), (int, float)) and isinstance(address.get("longitude"), (int, float)):
            data["location"] = {
                "@type": "Place",
                "geo": {"@type": "GeoCoordinates", "latitude": address["latitude"], "longitude": address["longitude"]},
            }
    services = partner.get("services") or []
    if services:
        data["makesOffer"] = [
            {"@type": "Offer", "itemOffered": {"@type": "Service", "name": s["nom"]}} for s in services
        ]
    return data
