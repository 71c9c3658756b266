"""schema.org data of a partner (JSON-LD); templates embed it with the `script_json` filter."""

from __future__ import annotations

from typing import Any

from site_build.data.model.records import Partner
from site_build.text.french import international_number


def organization(partner: Partner, page_url: str, description: str = "") -> dict[str, Any]:
    """schema.org Organization of a partner, with its address, contacts, opening hours and services."""
    address = partner.adresse
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Organization", "name": partner.nom}
    if page_url:
        data["@id"] = page_url
    if partner.sigle:
        data["alternateName"] = partner.sigle
    if description:
        data["description"] = description
    if partner.site_web:
        data["url"] = partner.site_web
    if partner.telephone:
        data["telephone"] = international_number(partner.telephone)
    if partner.courriel:
        data["email"] = partner.courriel
    data["address"] = {
        "@type": "PostalAddress",
        "streetAddress": address.street_line,
        "postalCode": address.code_postal,
        "addressLocality": address.commune,
        "addressCountry": "FR",
    }
    if address.has_position:
        data["location"] = {
            "@type": "Place",
            "geo": {"@type": "GeoCoordinates", "latitude": address.latitude, "longitude": address.longitude},
        }
    if partner.services:
        data["makesOffer"] = [
            {"@type": "Offer", "itemOffered": {"@type": "Service", "name": s.nom}} for s in partner.services
        ]
    return data
