"""Logging in and out in the sidebar, and who is logged in for this session.

Passwords are checked against the user file; where the deployment has an OpenID Connect provider
configured ([auth] in .streamlit/secrets.toml), st.login can be used instead and the identity's
e-mail is mapped to a role by the [oidc] part of the same user file.
"""

from __future__ import annotations

import os
from functools import cache

import streamlit as st

from ..auth import LoginRefused, StoreThrottle, User, UserFile, UserFileError, authenticate, recheck
from ..auth.rights import unsuppressed_for
from ..text.strings import t
from ..text.untrusted import md
from .lang import current_lang

KEY = "user"


def _throttle() -> StoreThrottle:
    """Failed attempts are counted in the store, so every replica and every session counts together."""
    from ..store import open_store

    return StoreThrottle(open_store())


TRUSTED_PROXY_ENV = "OSLO_INTEGRATION_TRUSTED_PROXY"


def _client_address() -> str | None:
    """The visitor's address for the throttle.

    Behind our own proxy (OSLO_INTEGRATION_TRUSTED_PROXY=1, as docs/deploy sets it) the last
    X-Forwarded-For entry is the address the proxy saw; the entries before it are the client's own
    word and are never trusted. Without a proxy, the connection's own address.
    """
    try:
        forwarded = st.context.headers.get("X-Forwarded-For") if os.environ.get(TRUSTED_PROXY_ENV) == "1" else None
        address = (forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else None) or st.context.ip_address
    except Exception:  # no request context (a script run)
        return None
    return address[:64] if isinstance(address, str) and address else None  # AppTest answers with a mock


def refresh_login() -> None:
    """Once per run: the logged-in user as the user file says now, so a removed or demoted user loses rights at once."""
    user = st.session_state.get(KEY)
    if not isinstance(user, User):
        return
    try:
        fresh = recheck(user)
    except UserFileError:
        fresh = None
    if fresh is None:
        _log_out()
        st.session_state["login_error"] = "Du er logget ut: brukeren finnes ikke lenger. Kontakt administrator."
    elif fresh != user:
        st.session_state[KEY] = fresh


@cache
def _oidc_configured() -> bool:
    """Read once per process: the secrets file is deployment configuration, not something that changes while running."""
    try:
        return bool(st.secrets.load_if_toml_exists() and "auth" in st.secrets)
    except Exception:  # a broken secrets file must not take the public pages down
        return False


def _oidc_user() -> User | None:
    if not _oidc_configured() or not st.user.is_logged_in:
        return None
    try:
        return UserFile().oidc_user(str(st.user.get("email") or ""))
    except UserFileError:
        return None


def current_user() -> User | None:
    user = st.session_state.get(KEY)
    return user if isinstance(user, User) else _oidc_user()


def own_bydeler() -> tuple[str, ...]:
    """The bydeler whose own figures this session may see unsuppressed."""
    return unsuppressed_for(current_user())


def require_user() -> User:
    """Stop the page for anonymous visitors: upload and undo are for logged-in users only."""
    refresh_login()
    user = current_user()
    if user is None:
        st.warning(t("login_required", current_lang()))
        st.stop()
    return user


def _log_in(name: str, password: str) -> None:
    try:
        st.session_state[KEY] = authenticate(UserFile(), name, password, _throttle(), _client_address())
    except (LoginRefused, UserFileError) as exc:
        st.session_state["login_error"] = str(exc)
    else:
        st.session_state.pop("login_error", None)


def _log_out() -> None:
    st.session_state.pop(KEY, None)
    for key in ("previews", "upload_results", "pending_undo"):
        st.session_state.pop(key, None)


def login_box() -> None:
    """In the sidebar: who is logged in, or the log-in form for bydel staff."""
    user = current_user()
    lang = current_lang()
    with st.sidebar:
        if user is not None:
            st.caption(t("logged_in_as", lang, who=md(user.describe())))
            if st.session_state.get(KEY) is None and _oidc_configured():
                st.button(t("log_out", lang), key="w_logout", on_click=st.logout)
            else:
                st.button(t("log_out", lang), key="w_logout", on_click=_log_out)
            return
        if _oidc_configured() and st.user.is_logged_in:
            st.warning(t("no_upload_access", lang, email=md(st.user.get("email"))))
        box = st.expander(t("log_in_box", lang), key="w_login_open", on_change="rerun")
        if not box.open:  # the form is built only when someone opens it
            return
        with box:
            if _oidc_configured():
                st.button(t("log_in_oidc", lang), key="w_oidc", on_click=st.login)
            with st.form("login", clear_on_submit=True):
                name = st.text_input(t("user_name", lang), key="w_login_name")
                password = st.text_input(t("password", lang), type="password", key="w_login_password")
                if st.form_submit_button(t("log_in", lang)):
                    _log_in(name, password)
                    if KEY in st.session_state:
                        st.rerun()
            if "login_error" in st.session_state:
                st.error(md(st.session_state["login_error"]))
