"""« Écouter » reads the page with the device's own voice, in the page's language, with pause and
stop; without such a voice on the device a sentence says why instead of the buttons, and nothing goes to
the network.
The speech engine is replaced by a recorder (Chromium here has no voice)."""

from __future__ import annotations

import pytest

from .browser_contexts import shared_context
from .conftest import axe_source, axe_violations

# A device with a local voice for `lang`, and a remote one that must never be used.
FAKE_SPEECH = """
window.__spoken = []; window.__calls = [];
const voices = [
  {name: 'En ligne', lang: '%(lang)s-XX', localService: false},
  {name: 'Sur l’appareil', lang: '%(lang)s-%(region)s', localService: true},
];
const synth = {
  paused: false,
  getVoices: () => voices,
  speak: (u) => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}),
  pause() { this.paused = true; window.__calls.push('pause'); },
  resume() { this.paused = false; window.__calls.push('resume'); },
  cancel() { window.__calls.push('cancel'); },
  addEventListener() {},
};
Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } addEventListener() {} };
"""


@pytest.mark.parametrize(
    ("path", "lang", "region", "words"),
    [
        ("/guide/epicerie/", "fr", "FR", "Comment marche l'épicerie sociale"),
        ("/recettes/caviar-d-aubergine/", "fr", "FR", "Caviar d'aubergine"),
        ("/ar/guide/epicerie/", "ar", "SA", "كيف تعمل البقالة الاجتماعية"),
    ],
)
def test_the_page_is_read_in_its_language_with_pause_and_stop(browser, site_urls, path, lang, region, words):
    context = shared_context(browser, service_workers="block")
    page = context.new_page()
    page.add_init_script(FAKE_SPEECH % {"lang": lang, "region": region})
    requests = []
    try:
        page.goto(site_urls["public"] + path)
        page.wait_for_selector("[data-gp-ecouter][data-ready='1']", state="attached")
        page.wait_for_load_state("networkidle")
        page.on("request", lambda request: requests.append(request.url))
        ecouter = page.locator("[data-gp-ecouter]")
        assert ecouter.is_visible()
        ecouter.locator('[data-action="lire"]').click()
        spoken = page.evaluate("window.__spoken")
        assert spoken and spoken[0]["text"] == words
        assert {(s["lang"], s["voice"]) for s in spoken} == {(f"{lang}-{region}", "Sur l’appareil")}
        assert not any("Écouter" in s["text"] for s in spoken)  # not its own buttons
        if lang == "ar":  # an unreviewed translation says so, after the text
            assert spoken[-1]["text"] == page.locator(".gp-relecture").inner_text()
        ecouter.locator('[data-action="pause"]').click()
        ecouter.locator('[data-action="lire"]').click()  # now « Reprendre »
        ecouter.locator('[data-action="arret"]').click()
        assert page.evaluate("window.__calls").count("pause") == 1
        assert page.evaluate("window.__calls")[-1] == "cancel"
        assert ecouter.locator('[data-action="pause"]').is_hidden()
        assert axe_violations(page) == ""
        assert requests == []
    finally:
        context.close()


@pytest.mark.parametrize("device", ["remote-voice-only", "no-voice-at-all"])
def test_without_a_voice_on_the_device_a_sentence_says_why(browser, site_urls, device):
    context = shared_context(browser, service_workers="block", locale="fr-FR")
    page = context.new_page()  # no-voice-at-all: this Chromium, which has none and never announces any
    if device == "remote-voice-only":  # its only French voice speaks through a server: as good as none
        page.add_init_script(
            FAKE_SPEECH.replace("localService: true", "localService: false") % {"lang": "fr", "region": "FR"}
        )
    page.add_init_script(axe_source())
    try:
        page.goto(site_urls["public"] + "/facile/epicerie/")
        reason = page.locator(".gp-ecouter__sans-voix")
        reason.wait_for()  # after the wait for late voices at most
        assert "Pas de lecture à voix haute" in reason.inner_text()
        assert page.locator("[data-gp-ecouter] button:visible").count() == 0
        assert axe_violations(page) == ""
    finally:
        context.close()


def test_a_block_left_in_french_is_read_by_a_french_voice(browser, site_urls):
    # an Arabic page with a passage the data has not translated yet (lang="fr"), on a device with an
    # Arabic and a French voice: each is read by its own; the French voice only where it is marked
    two_voices = FAKE_SPEECH.replace(
        "  {name: 'Sur l’appareil', lang: '%(lang)s-%(region)s', localService: true},",
        "  {name: 'Sur l’appareil', lang: '%(lang)s-%(region)s', localService: true},\n"
        "  {name: 'Française', lang: 'fr-FR', localService: true},",
    )
    context = shared_context(browser, service_workers="block")
    page = context.new_page()
    page.add_init_script(two_voices % {"lang": "ar", "region": "SA"})
    try:
        page.goto(site_urls["public"] + "/ar/guide/epicerie/")
        page.wait_for_selector("[data-gp-ecouter][data-ready='1']", state="attached")
        page.evaluate(
            """() => {
              const p = document.createElement('p');
              p.lang = 'fr';
              p.textContent = 'Inscription à l’accueil de l’épicerie.';
              document.querySelector('.md-content article h1').after(p);
            }"""
        )
        page.locator('[data-gp-ecouter] [data-action="lire"]').click()
        spoken = page.evaluate("window.__spoken")
        voices = {s["text"]: s["voice"] for s in spoken}
        assert voices["Inscription à l’accueil de l’épicerie."] == "Française"
        assert voices["كيف تعمل البقالة الاجتماعية"] == "Sur l’appareil"
        assert {s["voice"] for s in spoken} == {"Sur l’appareil", "Française"}
    finally:
        context.close()
