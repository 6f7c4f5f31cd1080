"""The user file: passwords only as argon2 hashes, roles and bydeler checked, OIDC identities mapped."""

from __future__ import annotations

import pytest

from oslo_integration.auth import LoginRefused, LoginThrottle, UserFile, UserFileError, authenticate
from oslo_integration.auth.passwords import verify_password

PASSWORD = "korrekt-hest-batteri"


def test_password_is_stored_as_argon2_hash_only(tmp_path):
    path = tmp_path / "brukere.toml"
    UserFile(path).add("kari", PASSWORD, "bydel", ["Frogner"])
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    stored = UserFile(path).password_hash("kari")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, PASSWORD)
    assert not verify_password(stored, PASSWORD + "x")
    assert path.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_roles_and_bydeler_round_trip(tmp_path):
    path = tmp_path / "brukere.toml"
    users = UserFile(path)
    users.add("kari", PASSWORD, "bydel", ["Frogner", "st. hanshaugen"])
    users.add("sjef", PASSWORD, "admin", [])
    again = UserFile(path)
    assert again.user("kari").bydeler == ("030105", "030104")
    assert again.user("sjef").is_admin
    again.remove("kari")
    assert [u.name for u in UserFile(path).list()] == ["sjef"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("kari", "kort", "bydel", ["Frogner"]), "minst 10 tegn"),
        (("kari", PASSWORD, "bydel", []), "minst én bydel"),
        (("kari", PASSWORD, "bydel", ["Frognerseteren"]), "ukjent bydel «Frognerseteren»"),
        (("kari", PASSWORD, "sjef", []), "«rolle» må være admin eller bydel"),
        (("kari nordmann", PASSWORD, "bydel", ["Frogner"]), "Ugyldig brukernavn"),
    ],
)
def test_bad_user_is_refused_and_file_untouched(tmp_path, args, message):
    path = tmp_path / "brukere.toml"
    with pytest.raises(UserFileError, match=message):
        UserFile(path).add(*args)
    assert not path.exists()


def test_plain_text_password_in_file_is_refused(tmp_path):
    path = tmp_path / "brukere.toml"
    path.write_text('[brukere.kari]\nrolle = "bydel"\nbydeler = ["Frogner"]\npassord = "hemmelig"\n', encoding="utf-8")
    with pytest.raises(UserFileError, match="argon2-hash"):
        UserFile(path)


def test_oidc_identity_maps_to_role_case_insensitively(tmp_path):
    path = tmp_path / "brukere.toml"
    path.write_text('[oidc."Kari.Nordmann@bfr.oslo.kommune.no"]\nrolle = "bydel"\nbydeler = ["Frogner"]\n', encoding="utf-8")
    users = UserFile(path)
    user = users.oidc_user("kari.nordmann@BFR.oslo.kommune.no")
    assert user is not None and user.bydeler == ("030105",) and not user.is_admin
    assert users.oidc_user("ukjent@oslo.kommune.no") is None
    users.add("sjef", PASSWORD, "admin", [])  # saving keeps the OIDC part
    assert UserFile(path).oidc_user("kari.nordmann@bfr.oslo.kommune.no") is not None


def test_login_gives_the_same_answer_for_unknown_name_and_wrong_password(tmp_path):
    users = UserFile(tmp_path / "brukere.toml")
    users.add("kari", PASSWORD, "bydel", ["Frogner"])
    throttle = LoginThrottle()
    assert authenticate(users, "kari", PASSWORD, throttle).bydeler == ("030105",)
    with pytest.raises(LoginRefused) as wrong:
        authenticate(users, "kari", "feil-passord", throttle)
    with pytest.raises(LoginRefused) as unknown:
        authenticate(users, "ola", PASSWORD, throttle)
    assert str(wrong.value) == str(unknown.value) == "Feil brukernavn eller passord."
