"""Clerks' accounts for `gendoc serve` off loopback: names with scrypt-hashed passwords, kept in
the workspace (`.gendoc/serve-users.json`, never in git) and added with
`gendoc serve --add-user NAME`. Without accounts, the token printed at start is the login.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from pathlib import Path

from gendoc.exceptions import ConfigError
from gendoc.writer import atomic_write

USERS_FILE = Path(".gendoc") / "serve-users.json"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # ~16 MB and ~50 ms per check
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            dklen=32)
    return "$".join(["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        found = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                               p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return secrets.compare_digest(found, base64.b64decode(digest))


def load_users(root: Path) -> dict[str, str]:
    path = root / USERS_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        users = data["users"]
        if not isinstance(users, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise ConfigError(f"{path}: tệp tài khoản hỏng — xóa tệp rồi thêm lại tài khoản bằng "
                          "'gendoc serve --add-user TÊN'.") from None
    return {str(k): str(v) for k, v in users.items()}


def add_user(root: Path, name: str, password: str) -> Path:
    name = name.strip()
    if not name or len(name) > 60:
        raise ConfigError("tên tài khoản phải có từ 1 đến 60 ký tự.")
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    users = load_users(root)
    users[name] = hash_password(password)
    body = json.dumps({"version": 1, "users": dict(sorted(users.items()))}, ensure_ascii=False,
                      indent=2)
    return atomic_write(root / USERS_FILE, body.encode("utf-8"), root=root / ".gendoc")
