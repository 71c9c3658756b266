import pytest

from site_build.data.loading.yaml_loader import LoadError, load_text


def test_positions_are_recorded_for_every_key_and_item():
    document = load_text(b"- id: a\n  publics: [familles, seniors]\n", "f.yaml")
    assert document.data == [{"id": "a", "publics": ["familles", "seniors"]}]
    assert document.mark((0, "publics", 1)) == (2, 23)
    assert document.mark((0, "id")) == (1, 3)
    assert document.mark((0, "absent", 3)) == (1, 3)  # nearest existing parent


def test_the_same_bytes_read_again_give_values_of_their_own():
    # a second read is not parsed again: what one caller changes must not reach the next one
    raw = b"- id: a\n  publics: [familles]\n"
    first = load_text(raw, "f.yaml")
    first.data[0]["publics"].append("seniors")
    first.data.append({"id": "b"})
    again = load_text(raw, "f.yaml")
    assert again.data == [{"id": "a", "publics": ["familles"]}] and again.mark((0, "publics", 0)) == (2, 13)
    assert load_text(raw, "g.yaml").file == "g.yaml"


def test_yaml_12_scalars_without_11_surprises():
    data = load_text(b'a: 18100\nb: 2026-10-15\nc: "0612"\nd: 12:30\ne: 1.5\nf: ~\ng: true\n', "f.yaml").data
    assert data == {"a": 18100, "b": "2026-10-15", "c": "0612", "d": "12:30", "e": 1.5, "f": None, "g": True}


@pytest.mark.parametrize(
    "text",
    [
        b"a: on\n",
        b"a: No\n",
        b"a: off\n",
        b"a: 0755\n",
        b"a: &x 1\nb: *x\n",
        b"a: !!str 3\n",
        b"a: 1\n---\nb: 2\n",
        b"[a, b]\nc: d\n",
    ],
)
def test_surprises_are_refused_in_french(text):
    with pytest.raises(LoadError) as caught:
        load_text(text, "f.yaml")
    assert caught.value.problem.message and "Error" not in caught.value.problem.message


def test_a_joiner_that_spelling_needs_is_kept_a_hidden_one_is_refused():
    from site_build.data.loading.yaml_loader import forbidden_character

    # Dari and Persian write « می‌شود » (it becomes) and « ایستگاه‌ها » (stops) with a zero-width non-joiner
    assert forbidden_character("می\u200cشود و ایستگاه\u200cها") is None
    # the same character inside a French word, or a zero-width space even between Persian letters
    assert forbidden_character("Épi\u200ccéa") == (3, "caractère invisible au milieu d'un mot (U+200C)")
    assert forbidden_character("ایستگاه\u200bها") == (7, "caractère invisible au milieu d'un mot (U+200B)")
