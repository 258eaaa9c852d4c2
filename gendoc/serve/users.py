"""Clerks' accounts for `gendoc serve` off loopback: names with scrypt-hashed passwords, kept in
the workspace (`.gendoc/serve-users.json`, never in git), managed with `gendoc serve --add-user
NAME [--admin]`, `--remove-user NAME` and `--password NAME`, or by an administrator on the
«Tài khoản» page. Without accounts, the token printed at start is the login.

A session made with an account carries a stamp of the account's stored hash: removing the account
or changing its password changes the stamp, so every session of it ends at its next request — in
every `gendoc serve` process, since the file is re-read when it changes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from gendoc.exceptions import ConfigError
from gendoc.writer import atomic_write

USERS_FILE = Path(".gendoc") / "serve-users.json"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # ~16 MB and ~50 ms per check
MIN_PASSWORD = 8
_WRITE_LOCK = threading.Lock()  # read-change-write of the accounts file, in this process
_CACHE: dict[Path, tuple[tuple[int, int, int], dict[str, Account]]] = {}


@dataclass(frozen=True)
class Account:
    hash: str
    admin: bool

    @property
    def stamp(self) -> str:
        """What a session of this account remembers (changes with the password)."""
        return hashlib.sha256(self.hash.encode()).hexdigest()[:16]


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


def _broken(path: Path) -> ConfigError:
    return ConfigError(f"{path}: tệp tài khoản hỏng — xóa tệp rồi thêm lại tài khoản bằng "
                       "'gendoc serve --add-user TÊN --admin'.")


def _parse(path: Path) -> dict[str, Account]:
    try:
        users = json.loads(path.read_text(encoding="utf-8"))["users"]
        if not isinstance(users, dict):
            raise TypeError
        accounts = {}
        for name, value in users.items():
            if isinstance(value, str):  # version 1: a hash per name, every account managed all
                accounts[str(name)] = Account(value, True)
            else:
                accounts[str(name)] = Account(str(value["hash"]), bool(value.get("admin")))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _broken(path) from None
    return accounts


def load_accounts(root: Path) -> dict[str, Account]:
    """The workspace's accounts (re-read only when the file changed)."""
    path = root / USERS_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}
    key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(path)
    if cached is None or cached[0] != key:
        cached = (key, _parse(path))
        _CACHE[path] = cached
    return dict(cached[1])


def load_users(root: Path) -> dict[str, str]:
    """name → stored password hash."""
    return {name: account.hash for name, account in load_accounts(root).items()}


def _save(root: Path, accounts: dict[str, Account]) -> Path:
    body = json.dumps({"version": 2, "users": {name: {"hash": a.hash, "admin": a.admin}
                                               for name, a in sorted(accounts.items())}},
                      ensure_ascii=False, indent=2)
    return atomic_write(root / USERS_FILE, body.encode("utf-8"), root=root / ".gendoc")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ConfigError(f"mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")


def add_user(root: Path, name: str, password: str, admin: bool | None = None) -> Path:
    """Add an account, or change an existing one's password (and role, when `admin` is given).
    The first account is an administrator."""
    name = name.strip()
    if not name or len(name) > 60:
        raise ConfigError("tên tài khoản phải có từ 1 đến 60 ký tự.")
    _check_password(password)
    with _WRITE_LOCK:
        accounts = load_accounts(root)
        old = accounts.get(name)
        role = admin if admin is not None else (old.admin if old else not accounts)
        if old is not None and old.admin and not role and _admins(accounts) == [name]:
            raise ConfigError(f"'{name}' là quản trị viên cuối cùng — thêm quản trị viên khác "
                              "trước (--add-user TÊN --admin).")
        accounts[name] = Account(hash_password(password), role)
        return _save(root, accounts)


def _admins(accounts: dict[str, Account]) -> list[str]:
    return [name for name, a in accounts.items() if a.admin]


def set_password(root: Path, name: str, password: str) -> Path:
    """Change the password of an existing account (its sessions end)."""
    if name.strip() not in load_accounts(root):
        raise ConfigError(f"không có tài khoản '{name.strip()}' — xem danh sách bằng "
                          "'gendoc serve --list-users'.")
    return add_user(root, name, password)


def remove_user(root: Path, name: str) -> Path:
    """Remove an account (its sessions end); the last administrator cannot be removed."""
    name = name.strip()
    with _WRITE_LOCK:
        accounts = load_accounts(root)
        if name not in accounts:
            raise ConfigError(f"không có tài khoản '{name}' — xem danh sách bằng "
                              "'gendoc serve --list-users'.")
        if _admins(accounts) == [name]:
            raise ConfigError(f"không xóa được '{name}': đây là quản trị viên cuối cùng — thêm "
                              "quản trị viên khác trước (--add-user TÊN --admin).")
        del accounts[name]
        return _save(root, accounts)


def session_valid(root: Path, name: str, stamp: str) -> bool:
    """Whether a session made with account `name` (stamp `stamp`) still stands."""
    account = load_accounts(root).get(name)
    return account is not None and secrets.compare_digest(account.stamp, stamp)
