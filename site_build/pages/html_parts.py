"""Small HTML pieces shared by every generated page; every data value is escaped here."""

from __future__ import annotations

from site_build.data.vocabularies import term_label
from site_build.text import french
from site_build.text.safe_markdown import e, safe_href


def bullet_list(items, render=e) -> str:
    return "<ul>" + "".join(f"<li>{render(i)}</li>" for i in items) + "</ul>" if items else ""


def terms(vocabulary: str, slugs) -> str:
    return ", ".join(e(term_label(vocabulary, s)) for s in slugs or [])


def row(name: str, value_html: str) -> str:
    return f"<dt>{e(name)}</dt><dd>{value_html}</dd>" if value_html else ""


def phone_link(number: str) -> str:
    return f'<a href="{e(french.tel_uri(number))}">{e(number)}</a>'


def mail_link(address: str) -> str:
    return f'<a href="mailto:{e(address)}">{e(address)}</a>'


def web_link(url: str, text: str | None = None) -> str:
    href = safe_href(url)
    if not href:
        return e(text or url)
    spelled = "" if text else ' class="gp-lien-url"'  # the text is the address already: print it once
    return f'<a href="{e(href)}"{spelled} rel="noopener">{e(text or url)}</a>'


def partner_url(partner_id: str, depth: int) -> str:
    return "../" * depth + f"annuaire/{partner_id}/"
