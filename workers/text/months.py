"""Month names and their abbreviations in the languages of the wires, Arabic ones
in the Egyptian, Levantine and Maghreb calendars ("يوليو", "تموز", "جويلية"),
lower case as written."""

from __future__ import annotations

_LISTING = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
    décembre decembre janv févr fevr avr juil déc
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre
    diciembre ene ago dic
    janeiro fevereiro março marco maio junho julho setembro outubro dezembro fev out dez
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug
    set ott
    januar jänner februar märz mär mrz juni juli oktober dezember okt
    januari februari maart mei augustus mrt
    desember augusti maj
    يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر
    اكتوبر نوفمبر ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين
    جانفي فيفري أفريل افريل ماي جوان جويلية أوت اوت
"""
MONTHS = frozenset(_LISTING.split())
