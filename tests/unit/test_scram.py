"""The SCRAM client of Kafka's connection check, against RFC 7677's example."""

from __future__ import annotations

import pytest

from workers.scram import ScramClient, ScramError

NONCE = "rOprNGfwEbeRWgbNEkqO"
SERVER_FIRST = (
    b"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
)


def client() -> ScramClient:
    return ScramClient("SCRAM-SHA-256", "user", "pencil", nonce=NONCE)


def test_the_exchange_of_rfc_7677_is_reproduced() -> None:
    scram = client()
    assert scram.first() == b"n,,n=user,r=rOprNGfwEbeRWgbNEkqO"
    assert scram.final(SERVER_FIRST) == (
        b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
        b"p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
    )
    scram.verify(b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")


def test_a_server_that_does_not_know_the_password_is_caught() -> None:
    scram = client()
    scram.final(SERVER_FIRST)
    with pytest.raises(ScramError):
        scram.verify(b"v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")


def test_a_server_that_changes_the_client_nonce_is_refused() -> None:
    with pytest.raises(ScramError):
        client().final(b"r=somethingelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")


def test_user_names_are_escaped_as_saslnames() -> None:
    scram = ScramClient("SCRAM-SHA-512", "a,b=c", "pw", nonce="n")
    assert scram.first() == b"n,,n=a=2Cb=3Dc,r=n"
