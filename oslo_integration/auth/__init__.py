"""Who may write: users with hashed passwords (or an OpenID Connect identity), roles and bydel rights."""

from .login import LoginRefused, authenticate, recheck
from .rights import can_undo, can_upload, rights_problems, visible_imports
from .throttle import LoginThrottle, StoreThrottle
from .users import ADMIN, BYDEL, ROLES, User, UserFile, UserFileError, users_location

__all__ = [
    "ADMIN",
    "BYDEL",
    "ROLES",
    "LoginRefused",
    "LoginThrottle",
    "StoreThrottle",
    "User",
    "UserFile",
    "UserFileError",
    "authenticate",
    "recheck",
    "can_undo",
    "can_upload",
    "rights_problems",
    "users_location",
    "visible_imports",
]
