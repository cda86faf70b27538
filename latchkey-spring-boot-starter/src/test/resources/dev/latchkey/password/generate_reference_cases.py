#!/usr/bin/env python3
"""Regenerates the reference data read by the dev.latchkey.password tests.

    python3 generate_reference_cases.py            # sequence-matcher-cases.json only (stdlib difflib)
    python3 generate_reference_cases.py --django   # also django-validator-cases.json and argon2-vectors.json

The --django mode needs Django (5.2.x was used) and argon2-cffi importable. Every expected value is
computed by Python / Django here, never written by hand.
"""
import difflib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMON_PASSWORDS = HERE.parents[4] / "main/resources/dev/latchkey/password/common-passwords.txt.gz"


def write(name, payload):
    (HERE / name).write_text(json.dumps(payload, indent=1, ensure_ascii=True) + "\n", encoding="ascii")


def sequence_matcher_cases():
    pairs = [
        ("", ""), ("abc", ""), ("", "abc"), ("abcd", "bcde"), (" abcd", "abcd abcd"),
        ("bobsmith77x", "bobsmith77"), ("password", "username"), ("qabxcd", "abycdf"),
        ("private thread", "private volume"), ("correct horse", "horse correct"),
        ("aaaa", "aa"), ("abab", "baba"), ("p\u00e4ssw\u00f6rd-\ud55c\uae00", "pa\u0308sswo\u0308rd"),
        ("\U0001F511key\U0001F511", "key\U0001F511"), ("stra\u00dfe", "strasse"),
        ("A", "A" * 10), ("A", "A" * 199), ("A", "A" * 200), ("A" * 3, "A" * 300),
        ("a" * 50 + "xyz", ("ab" * 150) + "xyz"),
        # autojunk: in b (>= 200 long) elements occurring more than len(b)//100 + 1 times are ignored
        ("the quick brown fox", ("e" * 150) + "the quick brown fox" + ("e" * 150)),
        ("hello world " * 5, ("hello world " * 30)),
    ]
    rng = random.Random(20240611)
    for alphabet, a_len, b_len in [("ab", 10, 12), ("abc", 30, 25), ("abcdef", 8, 250),
                                   ("ab", 40, 400), ("abcdefghij", 60, 210), ("xyz\u00e9\U0001F600", 20, 220)]:
        for _ in range(4):
            a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, a_len)))
            b = "".join(rng.choice(alphabet) for _ in range(rng.randint(b_len // 2, b_len)))
            pairs.append((a, b))
    cases = []
    autojunk_mattered = 0
    for a, b in pairs:
        matcher = difflib.SequenceMatcher(a=a, b=b)
        ratio = matcher.ratio()
        if ratio != difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio():
            autojunk_mattered += 1
        cases.append({"a": a, "b": b, "ratio": ratio, "quick_ratio": matcher.quick_ratio()})
    assert autojunk_mattered >= 3, "the cases must exercise the autojunk heuristic"
    write("sequence-matcher-cases.json", {"python": sys.version.split()[0], "cases": cases})


def django_validator_cases():
    import django
    from django.conf import settings
    settings.configure(USE_I18N=False)
    django.setup()
    from django.contrib.auth import password_validation as pv
    from django.core.exceptions import FieldDoesNotExist, ValidationError

    verbose = {"username": "username", "name": "name", "email": "email address"}

    class Meta:
        @staticmethod
        def get_field(name):
            if name not in verbose:
                raise FieldDoesNotExist(name)
            return type("Field", (), {"verbose_name": verbose[name]})

    class Owner:
        _meta = Meta

        def __init__(self, username, name, email):
            self.username, self.name, self.email = username, name, email

    validators = [
        pv.UserAttributeSimilarityValidator(user_attributes=("username", "name", "email")),
        pv.MinimumLengthValidator(),
        pv.CommonPasswordValidator(COMMON_PASSWORDS),
        pv.NumericPasswordValidator(),
    ]
    inputs = [
        ("xK9#qT", None), ("password1", None), ("83920174652", None), ("1234", None), ("", None),
        ("correct horse battery staple", None), ("  PASSWORD1  ", None), ("Password1", None),
        ("\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", None), ("\U0001F511" * 7, None), ("\U0001F511" * 8, None),
        ("bobsmith77x", ("bobsmith77", None, None)), ("bobsmith77x", ("bobsmith77", "Bob Smith", "bob@example.com")),
        ("BOBSMITH", ("bobsmith77", None, None)), ("smithers-x", (None, "Bob Smithers", None)),
        ("examplecom", (None, None, "bob.smith@example.com")), ("bob.smith@", ("bob", "Bob Smith", "bob.smith@example.com")),
        ("alice", ("alice", "Alice", "alice@example.com")), ("quilting-mammoth-42", ("alice", "Alice Liddell", "alice@example.com")),
        ("", ("bob.", None, None)), ("", ("bob", None, None)), ("x", ("bob.", None, None)),
        ("1234", ("1234", None, None)), ("123456789", ("user_123456789", None, "123456789@example.com")),
        ("m\u00fcller-stra\u00dfe", ("m\u00fcller", "Hans M\u00fcller", "hans@stra\u00dfe.de")),
        ("\u03c3\u03bf\u03c6\u03b9\u03b1\u03c3", ("\u03a3\u039f\u03a6\u0399\u0391\u03a3", None, None)),
        ("a" * 100, ("a", None, None)), ("abcdefghijk" * 3, ("abcdefghijk", None, None)),
    ]
    cases = []
    for password, owner in inputs:
        user = Owner(*owner) if owner else None
        try:
            pv.validate_password(password, user, validators)
            messages = []
        except ValidationError as error:
            messages = list(error.messages)
        cases.append({"password": password, "owner": None if owner is None else dict(zip(("username", "name", "email"), owner)),
                      "messages": messages})
    write("django-validator-cases.json", {"django": django.get_version(), "cases": cases})

    from django.contrib.auth.hashers import check_password
    from argon2 import low_level
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    vectors = []
    specs = [(low_level.Type.I, 19, 256, 2, 1, 32), (low_level.Type.I, 16, 256, 2, 2, 16),
             (low_level.Type.D, 19, 512, 1, 1, 24), (low_level.Type.ID, 19, 1024, 3, 2, 32)]
    for kind, version, memory, time, parallelism, hash_len in specs:
        password, salt = "correct horse battery staple", "rAnD0mSaltString22chrs"
        encoded = "argon2" + low_level.hash_secret(password.encode(), salt.encode(), time, memory, parallelism,
                                                   hash_len, kind, version).decode("ascii")
        candidates = [password, password.upper(), "", password + " "]
        # Hashes written before Argon2 1.3 carry no "v=" segment; argon2-cffi reads them as version 16.
        for form in [encoded] + ([encoded.replace("$v=16$", "$", 1)] if version == 16 else []):
            vectors.append({"encoded": form, "checks": [{"candidate": c, "check_password": check_password(c, form)}
                                                        for c in candidates]})
    from django.contrib.auth.hashers import Argon2PasswordHasher

    class CurrentDefaults(Argon2PasswordHasher):  # Argon2Parameters.defaults(): m=19456 KiB, t=2, p=1
        memory_cost, time_cost, parallelism = 19456, 2, 1

    hasher = CurrentDefaults()
    encoded = hasher.encode("correct horse battery staple", hasher.salt())
    vectors.append({"encoded": encoded, "made_with_current_defaults": True,
                    "checks": [{"candidate": c, "check_password": check_password(c, encoded)}
                               for c in ["correct horse battery staple", "correct horse battery stapl"]]})
    write("argon2-vectors.json", {"django": django.get_version(), "vectors": vectors})


if __name__ == "__main__":
    sequence_matcher_cases()
    if "--django" in sys.argv:
        django_validator_cases()
