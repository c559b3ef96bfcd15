"""Arabic organisations: a head noun and the definite words of its construct ("وزارة
الطاقة السعودية", "الاتحاد العام التونسي للشغل"), up to where the name ends: its
purpose, its seat, a place it serves, or a clause of the sentence."""

from __future__ import annotations

from dataclasses import dataclass

from workers.gazetteer.names.people import (
    ALIF,
    FATHER,
    FEMININE_ADJECTIVE_MIN_LETTERS,
    MAX_PLACE_WORDS,
    PARTICIPLE_PREFIX,
    PLURAL_NISBA_ENDING,
    VERBAL_NOUN_TA,
    alef_maqsura,
    arabic_person,
    feminine_adjective,
    not_a_name,
    on_place,
    opens_a_phrase,
    ordinary_word,
    verbal_noun,
)
from workers.gazetteer.names.place_lists import (
    NOUN_PHRASE_ADJECTIVE_ENDINGS,
    PARTICIPLE_ARTICLE,
    arabic_place_after,
)
from workers.gazetteer.names.rules import MAX_NAME_WORDS, SERVANT, Name, NameRules
from workers.gazetteer.names.word_shapes import (
    ALI,
    BI,
    FEMININE_PLURAL,
    IN_ARABIC,
    PARTICIPLE_STEMS,
    PLACE_PREPOSITIONS,
    SOUND_PLURAL,
    ali_written,
    bare_name,
    field_described,
    foreign_word,
    nisba,
    seat_follows,
)
from workers.models import EntityType
from workers.text.arabic import (
    AND,
    ARTICLE,
    ARTICLE_FORMS,
    CLITIC_ARTICLES,
    CONJUNCTIONS,
    FEMININE_NISBA_ENDING,
    LAM,
    LAM_ARTICLE,
    NISBA_LETTER,
    TEH_MARBUTA,
    is_arabic,
)
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens


@dataclass(slots=True)
class _Construct:
    """An Arabic body's name as it is read: its head at token `start` (`head` as the
    name starts with it, `bare` without the article), its tokens up to `last`, and
    what the reading found on the way."""

    start: int
    head: str
    bare: str
    last: int
    facility: bool = False
    owned: bool = False
    named: bool = False
    """Named by a bare word after its head ("شركة سنيم"), or for someone."""
    designated: bool = False
    only_adjectives: bool = False
    placed: bool = False
    """A place's name ends the construct ("بلدية مصراتة")."""
    place_at: int | None = None
    after_place: int = -1
    purposed: bool = False
    """What the body does was read after its name ("لتنمية الغطاء النباتي")."""
    whose: int = 0
    """1 where a word after the name says whose the body is ("... التركية")."""
    needed: int = 2
    """How many words the name needs, its head included."""


def arabic_organisation(rules: NameRules, text: Tokens, start: int) -> Name | None:
    """A head noun (a proclitic and the article allowed) and the definite words of
    its construct; a company or club may be named by one bare word."""
    words, count = text.words, len(text.words)
    head = rules.arabic_heads[words[start]]
    bare = head.removeprefix(ARTICLE)
    if (
        head == bare
        and words[start].startswith(LAM_ARTICLE)
        and bare.startswith(LAM)
        and start + 1 < count
        and text.joined(start)
        and nisba(words[start + 1])
    ):
        head = ARTICLE + bare  # "للجنة الجهوية": "ل" and "اللجنة", which its adjective says
    if start > 0 and text.joined(start - 1) and (words[start - 1], bare) in rules.arabic_idioms:
        return None
    if start + 1 < count and words[start + 1] in rules.arabic_descriptions.get(bare, ()):
        return None  # "مسرح الجريمة": the crime scene, no theatre
    if (
        words[start].endswith(TEH_MARBUTA)
        and words[start][:-1] in rules.arabic_heads
        and start + 1 < count
        and text.joined(start)
        and words[start + 1].startswith(ARTICLE)
        and words[start + 1].endswith(NISBA_LETTER)
    ):
        return None  # "مكتبه الإعلامي": his office, a masculine adjective; no library
    before = (
        rules.arabic_heads.get(words[start - 1]) if start > 0 and text.joined(start - 1) else None
    )
    if before is not None and words[start] in rules.arabic_descriptions.get(
        before.removeprefix(ARTICLE), ()
    ):
        return None  # "مجلس إدارة المصرف المركزي": a body's board, no body of its own
    if bare in rules.arabic_purposed:
        return _purposed(rules, text, start, head)
    if (
        start + 1 < count
        and words[start + 1].startswith(ARTICLE)
        and words[start + 1].endswith(SOUND_PLURAL)
        and len(words[start + 1]) >= len(ARTICLE) + MIN_SOUND_PLURAL_LETTERS
    ):
        return None  # "وتجمع المحتجون": a verb and its subject, no construct
    if start + 1 < count and (
        words[start + 1].startswith(LAM_ARTICLE)
        or (words[start + 1].startswith(LAM) and verbal_noun(words[start + 1][len(LAM) :]))
    ):
        # "وكيل الجامعة للشؤون التعليمية": an office's field; "شركة للتصدير", "شركة
        # لتعليب الزيت": a description; a body's name comes between its head and what
        # it is for
        return None
    body = _Construct(
        start,
        head,
        bare,
        start + 1,
        facility=bare in rules.arabic_facilities,
        owned=head == bare and bare in rules.arabic_owned,
    )
    if not _opening(rules, text, body) or not _construct(rules, text, body):
        return None
    return _ending(rules, text, body)


def _opening(rules: NameRules, text: Tokens, body: _Construct) -> bool:
    """The words that open the name after its head (a bare name, the person or village
    it is named for, the nouns of a construct a place ends) into `body`; False where
    the head opens no body there."""
    words, count = text.words, len(text.words)
    start, head, bare = body.start, body.head, body.bare
    last, named, facility = body.last, body.named, body.facility
    designated, only_adjectives, placed = body.designated, body.only_adjectives, body.placed
    place_at, after_place = body.place_at, body.after_place
    if (
        head == bare
        and (bare in rules.arabic_named or facility)
        and last < count
        and text.joined(start)
        and (
            bare_name(rules, words[last])
            or words[last] in rules.given_arabic
            or _name_after_masculine(rules, bare, words[last])
        )
        and not feminine_adjective(rules, words[last])
        and not _feminine_participle(rules, text, last)
        and words[last] not in rules.arabic_namesakes
    ):
        last += 1
        named = True
        # "جامعة حمد بن خليفة": a person's name, its particles binding
        while (
            last + 1 < count
            and words[last] in rules.particles_arabic
            and text.joined(last - 1)
            and text.joined(last)
        ):
            last += 2
        if (
            last == start + 2
            and bare_name(rules, words[start + 1])
            and (
                _second_name_word(rules, text, last)
                or (facility and _facility_construct(rules, text, last))
            )
        ):
            last += 1  # "جامعة قاصدي مرباح", "شركة كامكو إنفست": a name of two words
        last = _foreign_name_end(rules, text, last)
    elif (
        facility
        and head == bare
        and last + 1 < count
        and text.joined(start)
        and text.joined(last)
        and words[last] in rules.particles_arabic
        and (bare_name(rules, words[last + 1]) or words[last + 1] not in rules.common)
    ):
        last, named = last + 2, True  # "ميناء أبو فلوس", "مطار أم الجرس"
    elif (
        head == bare
        and bare in rules.arabic_designated
        and last + 1 < count
        and text.joined(start)
        and text.joined(last)
        and bare_name(rules, words[last])
        and words[last + 1] in rules.arabic_designated[bare]
    ):
        # "مستشفى أوباري العام": only adjectives go on, no purpose ("... التعليمي لأخذ
        # عينات")
        last, named, only_adjectives, designated = last + 2, True, True, True
    elif (
        head == bare
        and (end := _named_for(rules, text, last, bare in rules.arabic_memorials)) > last
    ):
        last, named = end, True
    elif (
        head == bare
        and last + 1 < count
        and words[last] in VILLAGE_ADJECTIVES
        and text.joined(last)
        and (end := _village_named_at(rules, text, last + 1)) > last + 1
    ):
        last, named = end, True  # "مجلس قروي بورين": a village's council
    elif (
        head != bare
        and last + 1 < count
        and (bare in rules.arabic_memorials or words[last] in HOSPITAL_ADJECTIVES)
        and (adjectives := _memorial_adjectives(text, last)) > last
        and (end := _named_for(rules, text, adjectives, True)) > adjectives
    ):
        # "المستشفى الجامعي ابن باديس", "المركز الاستشفائي الجامعي محمد السادس": named
        # for a person
        last, named = end, True
    elif head == bare:
        if facility and last < count and words[last] in rules.arabic_served:
            return False  # "ميناء الصيد", "مطار العاصمة": what it serves, where it is
        end, place_at = _construct_chain(rules, text, last, bare in rules.arabic_placed)
        placed = place_at is not None
        if bare in rules.arabic_placed and not placed and not field_described(rules, text, last):
            # "دائرة الضوء"; but "دائرة صحة ذي قار", "بلدية مصراتة", "دائرة الأرصاد الجوية"
            return False
        # a weak head ("مجموعة", "سوق") is a body's before a place: "مجموعة موانئ أبوظبي",
        # or before the people it gathers: "رابطة موظفي الإدارة العامة"
        if (
            bare not in rules.arabic_weak
            or placed
            or (last < count and (_members_construct(words[last]) or words[last] in MISSIONS))
        ):
            last = end
        # "بلدية صفاقس الملاحقين": after the place, the sentence goes on
        only_adjectives = placed and bare in rules.arabic_placed
        after_place = end if placed else -1
    body.last = last
    body.named = named
    body.designated = designated
    body.only_adjectives = only_adjectives
    body.placed = placed
    body.place_at = place_at
    body.after_place = after_place
    return True


def _construct(rules: NameRules, text: Tokens, body: _Construct) -> bool:
    """The definite words of the head's construct after its opening, its adjectives,
    purposes, fields and what it is for, into `body`; False where they say the head
    names no body."""
    words, count = text.words, len(text.words)
    start, head, bare = body.start, body.head, body.bare
    last, named, facility = body.last, body.named, body.facility
    owned, designated, only_adjectives = body.owned, body.designated, body.only_adjectives
    placed, after_place, purposed = body.placed, body.after_place, body.purposed
    whose, needed = body.whose, body.needed
    # A definite head is followed by its adjectives ("المجلس الأعلى للقضاء"); an
    # indefinite one by a definite noun and its adjectives ("وزارة الصحة السعودية").
    # After an adjective only adjectives and a لل-complement ("للشغل") go on: a noun
    # there starts the next phrase ("... السعودية الحجاج").
    adjectives_only = head != bare or only_adjectives
    # "المجلس التنفيذي", "إدارة السوق": a definite or weak head and one word are
    # more often a description than a name
    needed = 3 if head != bare or bare in rules.arabic_weak else 2
    if head != bare and (bare in rules.arabic_courts or bare in rules.arabic_states):
        needed = 2
    # what a body does may follow its head and adjectives, or a company's name:
    # "الشركة السودانية لنقل الكهرباء", "شركة سرت لإنتاج وتصنيع النفط"; after a
    # noun it is more often the purpose of a sentence ("وزارة الصحة لمواجهة ...")
    # and after a place that ends the construct ("معهد قطر لبحوث البيئة والطاقة"), but
    # for a university's, after which it is the sentence's ("جامعة القاهرة لقضاء ..."),
    # and a ministry's, whose field may spell a place ("وزارة الداخلية لتحديد ...")
    plain, purpose = (
        last == start + 1 or named,
        (named and not designated)
        or (
            placed
            and head == bare
            and bare not in rules.arabic_states
            and bare not in rules.arabic_fields_alone
        ),
    )
    while last < count and last - start < MAX_NAME_WORDS and text.joined(last - 1):
        word = words[last]
        if (
            word == NOT_ARABIC
            and last > start + 1
            and last + 1 < count
            and text.joined(last)
            and words[last + 1].startswith(ARTICLE)
            and nisba(words[last + 1])
        ):
            adjectives_only = True  # "جهاز مكافحة الهجرة غير الشرعية"
            last += 2
            continue
        if (
            last > start + 1
            and last + 1 < count
            and text.joined(last)
            and (word, words[last + 1]) in rules.arabic_compound_adjectives
        ):  # not right after a head: "الكلية متعددة التخصصات" is any town's
            adjectives_only = True
            last += 2
            continue
        if last > start + 1 and (end := _from_complement(rules, text, start, last)) > last:
            # "الجمعية اللبنانية من أجل ديمقراطية الانتخابات", "المركز الوطني للإنذار
            # المبكر من المخاطر المتعددة"
            adjectives_only = words[end - 1].startswith(ARTICLE)
            plain = purpose = False
            last = end
            continue
        if (
            last - start >= (2 if head == bare else needed)
            # "بلدية صيدا والبلديات المجاورة": after a town's council, the next phrase
            and not (bare in rules.arabic_placed and last == after_place)
            and not _after_countrys_adjective(rules, words[last - 1])
            and _conjunct(rules, word, _closes_for(text, last))
            # a known body's name ends before "و", but for what it is for: "المركز
            # الوطني للأرصاد والإنذار المبكر" is another body than the one of "للأرصاد"
            and (
                " ".join([head, *words[start + 1 : last]]) not in rules.keys
                or words[last - 1].startswith(LAM_ARTICLE)
            )
        ):
            # "وزارة الصحة والسكان", "... والبحث العلمي", after an indefinite head's
            # first noun even where a weak head needs more ("لجنة المال والموازنة");
            # a description does not take one: "المستشفى الوطني والملعب البلدي" are
            # two places
            adjectives_only = True
            last += 1
            continue
        if (
            last - start >= needed
            and (
                bare in rules.arabic_fields
                or purposed
                or any(w.startswith(LAM_ARTICLE) for w in words[start + 1 : last])
            )
            and not plain
            and not _after_countrys_adjective(rules, words[last - 1])
            and _construct_conjunct(rules, text, last)
        ):
            # "وزارة النقل والاتصالات وتقنية المعلومات", "... وموارد المياه"; what a
            # body is for, twice: "المندوبية العامة للتضامن الوطني ومكافحة الإقصاء",
            # "المركز الوطني لتنمية الغطاء النباتي ومكافحة التصحر"
            adjectives_only = True
            last += 2
            continue
        if (
            purpose
            and (end := _purpose(rules, text, last)) > last
            and " ".join([head, *words[start + 1 : last]]) not in rules.keys
        ):  # a known body's name ends before the sentence's purpose: "الجيش الإسرائيلي لتمكين"
            adjectives_only = purposed = True
            plain = purpose = False
            last = end
            continue
        if (
            word.startswith(AND)
            and word[len(AND) :] in rules.place_keys
            and _for_place(rules, words[last - 1])
        ):
            last += 1  # "الهيئة الملكية للجبيل وينبع": the places a body is for
            continue
        if last - start >= needed and (end := _for_place_of_words(rules, text, last)) > last:
            last = end  # "الهيئة العامة للمنطقة الاقتصادية لقناة السويس"
            continue
        if (
            word.startswith(LAM_ARTICLE)
            and _without_lam(word) in rules.arabic_anaphoric
            and not seat_follows(text, last + 1)
        ):
            return False  # "الإدارة العامة للشركة": the management of a company named before
        if (
            word == IN_ARABIC
            and last - 1 > start
            and (
                words[last - 1].startswith(LAM_ARTICLE)
                or words[last - 1] in SPECIALISED
                # "المركز الدولي للبحوث الزراعية في المناطق الجافة"; but a body
                # named by its place is where it is after "في" ("مركز مصر للمعارض
                # الدولية في التجمع")
                or (
                    not placed
                    and last - 2 > start
                    and words[last - 2].startswith(LAM_ARTICLE)
                    and nisba(words[last - 1])
                )
            )
            and " ".join([head, *words[start + 1 : last]]) not in rules.keys
            and (end := _object_in(rules, text, last)) > last
        ):
            # "الوكالة الوطنية للتصرف في النفايات", "المؤسسة الوطنية للأشغال في الآبار",
            # "القطب الجنائي المتخصص في مكافحة الفساد": what the body's work is in, no
            # place
            adjectives_only = True
            last = end
            continue
        if (
            word.startswith(LAM_ARTICLE)
            and (
                words[last - 1].startswith(LAM_ARTICLE)
                # "المؤسسة العامة للغذاء والدواء للتحقيق": a verbal noun after a complement
                # and its conjunct; "... للأبحاث والتفتيش للحرس الوطني" is whose it is
                or (
                    words[last - 1].startswith(AND)
                    and verbal_noun(word[len(LAM_ARTICLE) :])
                    and any(w.startswith(LAM_ARTICLE) for w in words[start + 1 : last - 1])
                )
                or _pronoun_object_after(text, last)
                or _form_v_purpose(text, last)
                or (bare in rules.arabic_fields_alone and words[start + 1] != OF_STATE)
                # "جامعة بني سويف للتدريب": a university named by its place takes no purpose
                or (placed and bare in rules.arabic_states and last == after_place)
            )
        ):
            # "الهيئة القضائية للانتخابات للمصادقة على النتائج", "وزارة الداخلية
            # للمصادقة عليه", "وزارة المالية للنظر في": what the sentence's subject
            # does it for, after the name; but "وزارة الدولة للشؤون الخارجية"
            break
        if (
            last == after_place
            and word.startswith(ARTICLE)
            and (word.endswith(FEMININE_PLURAL) or word in rules.arabic_heads)
        ):
            # "أرجأت جامعة الزاوية الامتحانات", "وطالبت غرفة تجارة بغداد الحكومة": a
            # plural or a body's head after the place is no adjective, but the object
            break
        if word in rules.arabic_ends or not (
            word.startswith((ARTICLE, LAM_ARTICLE))
            or (word in rules.place_keys and not feminine_adjective(rules, word))
        ):
            break
        if word.startswith(LAM_ARTICLE) and _without_lam(word) in rules.arabic_ends:
            break  # "لليوم": a time, after the name
        if last + 1 < count and text.joined(last) and words[last + 1] in TIME_AFTER:
            break  # "... العليا العام الماضي": "last year", after the name
        if on_place(rules, word):
            break  # "جامعة قاصدي مرباح بورقلة": where the body is, not its name
        if _bare_place(rules, word) and _bare_place(rules, words[last - 1]):
            break  # "طالبت حكومة إقليم كردستان أنقرة": the object, after the name
        # "القوى" normalizes as a nisba does, and is a noun ("وزارة القوى العاملة")
        adjective = (
            (nisba(word) and not alef_maqsura(text, last))
            or word in rules.arabic_adjectives
            or _participle(word)
            # "للعمال الجزائريين": a plural nisba agrees with the plural noun of a لل-complement
            or (word.endswith(PLURAL_NISBA_ENDING) and words[last - 1].startswith(LAM_ARTICLE))
        )
        if adjectives_only and not adjective and not word.startswith(LAM_ARTICLE):
            break
        if (
            (named or owned)
            and word in COMPANY_DESCRIPTIONS
            and not words[last - 1].startswith(ARTICLE)  # "... المساهمات الحكومية": its noun's
            and " ".join(words[start + 1 : last + 1]) not in rules.keys
        ):
            whose = 1  # "شركة سوفايكون الاستشارية": what the company is, after its name
            break
        if (
            (facility or named or owned)
            and (
                word in rules.place_keys
                or (last + 1 < count and f"{word} {words[last + 1]}" in rules.place_keys)
            )
            and (facility or nisba(word))
            and " ".join(words[start + 1 : last + 1]) not in rules.keys
        ):
            # "مطار ... التركي", "شركة روتانا لإدارة الفنادق الإماراتية", "مجموعة البيرق
            # التركية", "... الكورية الجنوبية": the country's adjective says whose the
            # airport, the company or the troupe is, no part of its name, though it tells
            # a body is meant
            whose = 1
            break
        if (
            head == bare
            and not adjective
            and last > start + 1
            and word.startswith(ARTICLE)
            and words[last - 1].startswith(ARTICLE)
            and words[last - 1] not in RANKS
            and words[last - 1] not in rules.place_keys
            and word not in rules.place_keys
            and word not in rules.given_arabic
            and not nisba(words[last - 1])
            # participles and plural or colour adjectives the lists lack ("المتقاعدين",
            # "المصدرة", "الخضراء"), and "آل" of a family's name
            and not word.startswith(PARTICIPLE_ARTICLE)
            and not word.endswith(NOUN_PHRASE_ADJECTIVE_ENDINGS)
            and len(word) > len(ARTICLE)
            and len(words[last - 1]) > len(ARTICLE)
        ):
            break  # "أيدت محكمة الاستئناف العقوبة": a definite noun takes no second one
        plain = purpose = plain and adjective and bare not in rules.arabic_fields_alone
        adjectives_only = adjectives_only or adjective
        last += 1
    body.last = last
    body.purposed = purposed
    body.whose = whose
    body.needed = needed
    return True


SPECIALISED = frozenset(("المتخصص", "المتخصصه", "المختص", "المختصه"))
"""A body's adjective "specialised", normalized: what it is specialised in, after
"في", is its name's."""


def _ending(rules: NameRules, text: Tokens, body: _Construct) -> Name | None:
    """The body read, with its seat where one follows, unless what was read is too
    short or a description after all."""
    words, count = text.words, len(text.words)
    start, head, bare = body.start, body.head, body.bare
    last, named, facility = body.last, body.named, body.facility
    place_at, whose, needed = body.place_at, body.whose, body.needed
    seated = (
        last - start == needed - 1
        and last < count
        and text.joined(last - 1)
        and (
            (bare in rules.arabic_seated and _seated_at(rules, text, last))
            # "المجلس البلدي بسوسة", "المجلس البلدي أوباري": a town's own council
            or (words[last - 1] in LOCAL_ADJECTIVES and _local_seat(rules, text, last, True) > 0)
        )
    )
    if last - start + whose < needed and not seated:
        return None
    if (
        last - start == 2
        and whose == 0
        and bare not in rules.arabic_fields
        and _another_head(rules, words[start + 1])
    ):
        return None  # "مجلس المفوضية", "رئيس الهيئة": a part or office of a body named before
    if head == bare and any(
        _countrys_adjective(rules, w) for w in words[start + 1 : min(count, last + 1)]
    ):
        # "بنك إسباني", "بعثة ألمانية", "شركة مقاولات تركية": a Spanish bank, a German
        # mission, a Turkish contractor
        return None
    if head == bare and any(
        _indefinite_feminine_nisba(rules, words[i])
        # "و" opening a noun its definite complement follows is a conjunct: "هيئة
        # الاتصالات وتقنية المعلومات"
        and not (words[i].startswith(AND) and i + 1 < last and words[i + 1].startswith(ARTICLE))
        for i in range(start + 1, min(last, start + 3))
    ):
        return None  # "بعثة دولية", "شركة مقاولات وهمية": a kind of body, no name
    if (
        bare in rules.arabic_districts
        and head == bare
        and _place_named_at(rules, text, start + 1 + (words[start + 1] in rules.region_words))
        == last
    ):
        # "مركز أبو حمص", "لواء المزار الجنوبي": a district, named by its town; "مركز
        # محافظة نينوى": a region's chief town
        return None
    if _cut_short(rules, text, last):
        return None  # "الدائرة الجنائية المختصة بالنظر في ...": the rest is no name found
    seat = last
    if (
        (bare in rules.arabic_courts or seated or (bare in rules.arabic_schools and not named))
        and last < count
        and text.joined(last - 1)
    ):
        # a town, or a region with its word: "المحكمة الجنائية بولاية نواكشوط الغربية"
        last += max(_seat(rules, text, last), _region_seat(rules, text, last))
    elif _order_of(rules, words[last - 1]) and last < count and text.joined(last - 1):
        last += _seat(rules, text, last) or 2 * _seated_at(rules, text, last)
    if bare in rules.arabic_regional and last < count and text.joined(last - 1):
        last += _region_seat(rules, text, last)
    regional = any(w in REGIONAL_ADJECTIVES for w in words[start + 1 : last])
    if (
        (regional or bare in rules.arabic_regional)
        and last == seat
        and last < count
        and text.joined(last - 1)
    ):
        last += _region_seat(rules, text, last, LAM)  # "مديرية التربية لولاية خنشلة"
    local = words[last - 1] in LOCAL_ADJECTIVES
    if (
        (
            bare in rules.arabic_local
            or local
            or regional
            or _local_court(rules, bare, words[start:last])
        )
        and last == seat
        and last < count
        and text.joined(last - 1)
    ):
        last += _local_seat(rules, text, last, bare_town=local)
    if last == seat and last < count and text.joined(last - 1):
        last = _workers_trade(rules, text, last)
    # "مركز الدوحة للمعارض والمؤتمرات": a venue
    venue = any(w.removeprefix(AND) in VENUE_PURPOSES for w in words[start + 1 : last])
    kind: EntityType = "place" if facility or venue else "organisation"
    return Name(
        kind,
        " ".join([head, *words[start + 1 : last]]),
        start,
        last,
        seat=seat if last > seat else place_at,
    )


def _local_court(rules: NameRules, bare: str, name: list[str]) -> bool:
    """A court (`bare`, its head without the article) of a town, named with its town
    after "في" ("محكمة الاستئناف في عدن"): no court the gazetteer knows, none of the
    state's or the world's ("المحكمة الاتحادية العليا في بغداد", "محكمة العدل الدولية
    في لاهاي"). `name`: the court's words as written."""
    return (
        bare in rules.arabic_courts
        and not any(word in NATIONAL_COURTS for word in name[1:])
        and " ".join(name) not in rules.keys
    )


NATIONAL_COURTS = frozenset(("العليا", "الدستوريه", "الدوليه", "الاتحاديه"))
"""Adjectives of a state's or the world's courts, whose seat is no part of their name."""


def _village_named_at(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after a village's name at token `index`, after the word that says a
    village is meant: a known town's, or one nobody knows read as after a place word
    ("بورين", "دير استيا"); else `index`."""
    if (end := _place_named_at(rules, text, index)) > index:
        return end
    place = arabic_place_after(rules, text, index - 1)
    return place.last if place is not None else index


VILLAGE_ADJECTIVES = frozenset(("قروي",))
"""The indefinite adjective of a village's own body ("مجلس قروي بورين")."""


def _pronoun_object_after(text: Tokens, index: int) -> bool:
    """Token `index` is followed by a preposition with a pronoun ("عليه", "منها"): a
    verbal noun with its object, a sentence's, never a name's."""
    following = index + 1
    return (
        following < len(text.words)
        and text.joined(index)
        and text.words[following] in PRONOUN_OBJECTS
    )


PRONOUN_OBJECTS = frozenset(
    preposition + pronoun
    for preposition in ("علي", "من", "في", "ل", "ب", "عن")
    for pronoun in ("ه", "ها", "هم", "هما", "هن")
)
"""A preposition and a pronoun, normalized ("عليه", "منها", "لها")."""


def _countrys_adjective(rules: NameRules, word: str) -> bool:
    """An indefinite adjective of a country, masculine or feminine ("إسباني",
    "ألمانية")."""
    return ARTICLE + word in rules.arabic_demonyms or (
        word.endswith(TEH_MARBUTA) and ARTICLE + word[: -len(TEH_MARBUTA)] in rules.arabic_demonyms
    )


def _after_countrys_adjective(rules: NameRules, word: str) -> bool:
    """A definite adjective of a country ("السورية"), which closes a body's name: "و"
    after it opens the next phrase ("وزارة الزراعة السورية والمجتمعات المحلية")."""
    return word.startswith(ARTICLE) and _countrys_adjective(rules, word[len(ARTICLE) :])


def _indefinite_feminine_nisba(rules: NameRules, word: str) -> bool:
    """An indefinite feminine adjective of relation ("دولية", "وهمية", "عائلية"), no
    woman's name nor place's, nor a verbal noun of a weak root of the shapes تفعية and
    فعاية ("تنمية", "رعاية"), which a body's name holds ("شركة تنمية الثروة السمكية")."""
    return (
        len(word) >= MIN_FEMININE_NISBA_LETTERS
        and word.endswith(FEMININE_NISBA_ENDING)
        and not (
            len(word) == MIN_FEMININE_NISBA_LETTERS
            and (word[0] == VERBAL_NOUN_TA or word[2] == ALIF)
        )
        and not word.startswith((*ARTICLE_FORMS, LAM))
        and word not in rules.given_arabic
        and word not in rules.place_keys
        and word not in rules.keys
    )


MIN_FEMININE_NISBA_LETTERS = 5


def _feminine_participle(rules: NameRules, text: Tokens, index: int) -> bool:
    """An indefinite feminine participle ("مدرجة", listed; "مملوكة", owned) after a
    head, as its adjective: no body's name; a noun of that shape opens a construct
    instead ("شركة مصفاة عدن")."""
    word, following = text.words[index], index + 1
    if not (
        len(word) >= FEMININE_ADJECTIVE_MIN_LETTERS
        and word.startswith(PARTICIPLE_PREFIX)
        and word.endswith(TEH_MARBUTA)
        and word not in rules.given_arabic
    ):
        return False
    return not (
        following < len(text.words)
        and text.joined(index)
        and (text.words[following].startswith(ARTICLE) or text.words[following] in rules.place_keys)
    )


def _name_after_masculine(rules: NameRules, head: str, word: str) -> bool:
    """A word shaped as a verb in the present with "ت" ("تقدم", "تواصل") after a
    masculine head ("حزب", "نادي"), whose verb would not take it: the body's name,
    "حزب تقدم"; after a feminine one it is more often the verb ("شركة تعمل")."""
    return (
        not head.endswith(TEH_MARBUTA)
        and word.startswith(PRESENT_TA)
        and word not in rules.common
        and word not in rules.stopwords
        and not not_a_name(word)
    )


PRESENT_TA = "ت"


def _cut_short(rules: NameRules, text: Tokens, last: int) -> bool:
    """A body's name ending with a participle that takes a complement ("المختصة",
    "المكلفة") before "في" or "ب" and a word: the name goes on with what the body
    deals with, which the walk does not read, so none is found."""
    return (
        last + 1 < len(text.words)
        and text.joined(last)
        and text.words[last - 1] in rules.arabic_complemented
        and seat_follows(text, last, len(BI) + 3)
    )


MAX_PURPOSED_NAME_WORDS = 5


def _members_construct(word: str) -> bool:
    """A sound masculine plural of a participle in construct, "م" to "ي" ("موظفي",
    "معلمي", "مزارعي"): the people a league or a committee gathers."""
    return (
        len(word) >= MIN_MEMBERS_LETTERS
        and word.startswith(PARTICIPLE_PREFIX)
        and word.endswith(CONSTRUCT_PLURAL_END)
    )


CONSTRUCT_PLURAL_END = "ي"

HOSPITAL_ADJECTIVES = frozenset((normalize_text("الاستشفائي"),))
"""Adjectives that make any definite head a hospital's: "المركز الاستشفائي"."""
MEMORIAL_ADJECTIVES = frozenset(("الجامعي", "الجهوي", "الاقليمي", "العسكري", *HOSPITAL_ADJECTIVES))
"""Adjectives between a definite memorial head and the person it is named for
("المستشفى الجامعي الطاهر صفر", "المستشفى العسكري ...")."""
MAX_MEMORIAL_ADJECTIVES = 2


def _memorial_adjectives(text: Tokens, index: int) -> int:
    """The token after the memorial adjectives (at most two) that open at `index`."""
    end = index
    while (
        end < len(text.words)
        and end - index < MAX_MEMORIAL_ADJECTIVES
        and text.words[end] in MEMORIAL_ADJECTIVES
        and text.joined(end)
    ):
        end += 1
    return end


def _from_complement(rules: NameRules, text: Tokens, start: int, index: int) -> int:
    """The token after "من أجل" (for) and the noun of a body's cause at token `index`
    ("الجمعية اللبنانية من أجل ديمقراطية الانتخابات", "حزب التحالف من أجل العدالة
    ..."), after "من" and the definite noun a body's warning or protection is from
    ("المركز الوطني للإنذار المبكر من المخاطر المتعددة"), or after "على" and what it
    preserves ("جمعية المحافظة على البيئة"); else `index`."""
    words, count = text.words, len(text.words)
    if index + 1 >= count or not text.joined(index):
        return index
    noun = index + 1
    if words[index] == ON_ARABIC:
        # "جمعية المحافظة على البيئة": what a body preserves or oversees, after "على"
        # "للرقابة على الصادرات" too
        if _without_lam(words[index - 1]) not in ON_NOUNS or not words[noun].startswith(ARTICLE):
            return index
    elif words[index] != FROM_ARABIC:
        return index
    elif words[noun] == FOR_SAKE:
        noun += 1
        if noun >= count or not text.joined(noun - 1):
            return index
    elif not any(w in FROM_NOUNS for w in words[start + 1 : index]) or (
        start > 0 and text.joined(start - 1) and words[start - 1] in WARNS
    ):
        return index  # "وحذر المركز الوطني للإنذار المبكر من الأمطار": the verb's "من"
    word = words[noun]
    if word in rules.stopwords or word in rules.arabic_ends or not is_arabic(word):
        return index
    if word.startswith(ARTICLE):
        return noun + 1
    following = noun + 1  # an indefinite noun and the definite one it is construct with
    if (
        following < count
        and text.joined(noun)
        and words[following].startswith(ARTICLE)
        and words[following] not in rules.arabic_ends
    ):
        return following + 1
    return index


WARNS = frozenset(
    clitic + verb for verb in ("حذر", "يحذر", "حذرت", "تحذر") for clitic in ("", *CONJUNCTIONS)
)
"""Verbs of warning, whose object follows "من" after their subject."""

ON_ARABIC = "علي"

ON_NOUNS = frozenset(("المحافظه", "الحفاظ", "القضاء", "الرقابه"))
"""Verbal nouns of what a body is for whose object follows "على": preserving,
eradicating, overseeing."""

FROM_ARABIC = "من"

FOR_SAKE = "اجل"

FROM_NOUNS = frozenset(("للانذار", "للوقايه", "للحمايه", "للتحذير"))
"""The verbal nouns of what a body is for ("ل" and the article) whose object follows
"من": warning, prevention and protection from something."""

MISSIONS = frozenset(("مكافحه",))
"""Verbal nouns whose construct after a weak head names what a body fights ("إدارة
مكافحة المخدرات", "وحدة مكافحة الإرهاب"): a body's name, no description."""

OF_STATE = "الدوله"
"""A ministry of state's ("وزارة الدولة للشؤون الخارجية"), whose name says what for."""

NOT_ARABIC = "غير"
"""The negation of an adjective inside a name: "الهجرة غير الشرعية", "غير الحكومية"."""

FOREIGN_LINKS = frozenset(("اند", "دي", "دو", "فان", "فون"))
"""Links of foreign names written in Arabic letters ("آند", and; "دي", de; "فان", van),
only ever inside a name: "لارسن آند توبرو", "جان دي نول"."""

SPELLED_LETTERS = frozenset(
    ("سي", "دي", "جي", "ايه", "بي", "تي", "كيه", "اكس", "اتش", "زد", "ام", "اس", "جيه", "كيو")
)
"""Latin letters spelled out in Arabic letters, as a foreign company's initials are
written ("سي دي جي", "سي إم إيه سي جي إم"); not "أن" (that) or "أو" (or)."""

MIN_MEMBERS_LETTERS = 5


def _purposed(rules: NameRules, text: Tokens, start: int, head: str) -> Name | None:
    """A head that names a body only with what the body does after its name ("دار
    القصبة للنشر", "دار لوسيل للنشر والتوزيع"): the head, its name and the
    purpose, with the fields "و" adds to it; elsewhere the head is an ordinary noun
    ("دار الأيتام")."""
    words, count = text.words, len(text.words)
    purposes = rules.arabic_purposed[head.removeprefix(ARTICLE)]
    last = start + 1
    while last < count and last - start <= MAX_PURPOSED_NAME_WORDS and text.joined(last - 1):
        word = words[last]
        if word in purposes and last > start + 1:
            last += 1
            while (
                last < count
                and text.joined(last - 1)
                and words[last].startswith(AND + ARTICLE)
                and words[last] not in rules.arabic_ends
            ):
                last += 1
            return Name("organisation", " ".join([head, *words[start + 1 : last]]), start, last)
        if not is_arabic(word) or word in rules.stopwords or word in rules.arabic_function:
            break
        last += 1
    return _named_in_its_trade(rules, text, start, head)


POSSESSORS = frozenset(("ذات", "ذو", "ذي"))
"""Nouns that name with the word after them ("ذات السلاسل", the one of the chains)."""


def _named_in_its_trade(rules: NameRules, text: Tokens, start: int, head: str) -> Name | None:
    """A head that names a body only with its purpose, and one name word, in a story
    about that trade (`NameRules.arabic_purposed_in`): "دار الساقي" among publishers."""
    words, name_at = text.words, start + 1
    cues = rules.arabic_purposed_in.get(head.removeprefix(ARTICLE))
    if not cues or name_at >= len(words) or not text.joined(start):
        return None
    word = words[name_at]
    if not (
        is_arabic(word)
        and not word.startswith(CLITIC_ARTICLES)
        and word not in rules.stopwords
        and word not in rules.arabic_function
        and word not in rules.arabic_ends
        and word not in rules.arabic_heads
        and not ordinary_word(rules, word)
        and word not in cues
        and any(w in cues for w in words)
    ):
        return None
    last = name_at + 1
    if word in POSSESSORS and last < len(words) and text.joined(name_at):
        last += 1  # "دار ذات السلاسل"
    return Name("organisation", " ".join([head, *words[name_at:last]]), start, last)


PARTICIPLE_PREFIXES = tuple(ARTICLE + stem for stem in PARTICIPLE_STEMS)

MIN_PARTICIPLE_LETTERS = 7


def _participle(word: str) -> bool:
    """A definite participle of form V, VI, VIII or X, feminine singular for form VIII:
    an adjective ("المتخصصة", "المستقلة", "المحترفة"); no plural, which names people
    ("المتظاهرين")."""
    return (
        len(word) >= MIN_PARTICIPLE_LETTERS
        and (
            word.startswith(PARTICIPLE_PREFIXES)
            or (
                word.startswith(PARTICIPLE_PREFIXES[0][:3])
                and word[4] == FORM_VIII_TA
                and word.endswith(TEH_MARBUTA)
            )
        )
        and not word.endswith(("ين", "ون", "ات"))
    )


FORM_VIII_TA = "ت"
"""The infixed ta of a form VIII participle: "المحترفة" (م ح ت ر ف)."""


def _form_v_purpose(text: Tokens, index: int) -> bool:
    """Token `index` is "لل" on a verbal noun of form V (تفعّل) and a preposition
    follows it ("المجلس الدستوري للتأكد من مطابقته", "للتحقق من"): what the body is
    to do, after its name."""
    stem = text.words[index][len(LAM_ARTICLE) :]
    following = index + 1
    return (
        len(stem) == FORM_V_LETTERS
        and stem[0] == VERBAL_NOUN_TA
        and following < len(text.words)
        and text.joined(index)
        and text.words[following] in PURPOSE_PREPOSITIONS
    )


FORM_V_LETTERS = 4

PURPOSE_PREPOSITIONS = frozenset(("من", "عن", "بين"))
"""Prepositions a form V verb takes that no body's field goes on with ("للتصرف في
النفايات" is one)."""


def _for_place(rules: NameRules, word: str) -> bool:
    """ "ل" on a known place's name ("للجبيل", "لسوس"): the place a body is for."""
    if word.startswith(LAM_ARTICLE):
        return _without_lam(word) in rules.place_keys
    return word.startswith(LAM) and word[len(LAM) :] in rules.place_keys


COMPANY_DESCRIPTIONS = frozenset(
    normalize_text(word)
    for word in (
        "الاستشارية",
        "الحكومية",
        "الناشئة",
        "العملاقة",
        "المدرجة",
        "المملوكة",
        "المشغلة",
        "المنفذة",
        "المصنعة",
        "المتعاقدة",
        "المطورة",
        "المحلية",
        "الأجنبية",
    )
)
"""Definite adjectives that say what a named company is ("شركة سوفايكون الاستشارية",
"شركة معادن موريتانيا الحكومية"): after its name, no part of it."""


def _another_head(rules: NameRules, word: str) -> bool:
    """A definite head noun standing alone for a body the story names elsewhere
    ("المفوضية", "الوزارة")."""
    return word.startswith(ARTICLE) and rules.arabic_heads.get(word) == word


def _for_place_of_words(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after a known place's or a region's name of two words or more with
    "ل" on its first ("لقناة السويس", "لموانئ دبي", "لسوس ماسة"), opening at token
    `index`, else `index`."""
    if text.words[index].startswith(LAM_ARTICLE):
        return index
    # a region's name of several words too: "وكالة الحوض المائي لسوس ماسة"
    return _place_with(rules, text, index, LAM, 2, (rules.place_keys, rules.arabic_regions))


def _place_with(
    rules: NameRules,
    text: Tokens,
    index: int,
    proclitic: str,
    fewest: int = 1,
    names: tuple[frozenset[str], ...] = (),
) -> int:
    """The token after the longest place's name (of any of `names`, else the known
    places') of `fewest` words or more with `proclitic` on its first word, opening at
    token `index`, else `index`."""
    names = names or (rules.place_keys,)
    words = text.words
    word = words[index]
    if not word.startswith(proclitic):
        return index
    for end in range(min(len(words), index + MAX_PLACE_WORDS), index + fewest - 1, -1):
        if not all(text.joined(i) for i in range(index, end - 1)):
            continue
        name = " ".join([word[len(proclitic) :], *words[index + 1 : end]])
        if any(name in known for known in names):
            return end
    return index


def _without_lam(word: str) -> str:
    """A word written with "ل" and the article ("للرقابة") as the article alone writes
    it ("الرقابة"); any other word as it is."""
    if word.startswith(LAM_ARTICLE):
        return ARTICLE + word[len(LAM_ARTICLE) :]
    return word


def _order_of(rules: NameRules, word: str) -> bool:
    """A profession's plural, alone or after "ل" ("المحامين", "للمحامين")."""
    return _without_lam(word) in rules.arabic_professions


def _bare_place(rules: NameRules, word: str) -> bool:
    """A place's name without the article ("كردستان", "أنقرة")."""
    return word in rules.place_keys and not word.startswith(ARTICLE)


def _seated_at(rules: NameRules, text: Tokens, index: int) -> bool:
    """A known place's seat at token `index`: "ب" and the place ("بالحسكة"), or "في"
    and the place ("في حماة")."""
    words = text.words
    if _seat(rules, text, index):
        return True
    following = index + 1
    return (
        words[index] == IN_ARABIC
        and following < len(words)
        and text.joined(index)
        and words[following] in rules.place_keys
    )


def _object_in(rules: NameRules, text: Tokens, index: int) -> int:
    """One past the definite noun after "في" at token `index`, an indefinite noun of a
    construct before it allowed ("في جرائم الفساد"), where neither is a place nor a
    function word; else `index`."""
    words, count = text.words, len(text.words)
    at = index + 1
    if (
        at < count
        and text.joined(index)
        and _purpose_construct_noun(rules, text, at)
        and not verbal_noun(words[at])  # "في تحديث الخرائط": what it is for, now
        and words[at] not in rules.place_word_forms  # "في حي الشرج": where it stands
    ):
        at += 1
    if (
        at < count
        and text.joined(at - 1)
        and words[at].startswith(ARTICLE)
        and words[at] not in rules.stopwords
        and words[at] not in rules.place_keys
        and words[at] not in rules.arabic_regions
        and not nisba(words[at])
    ):
        return at + 1
    return index


def _seat(rules: NameRules, text: Tokens, index: int) -> int:
    """The tokens of "ب" and a known place at token `index`, a court's seat in Maghreb
    copy ("المحكمة الابتدائية بتونس", "محكمة الاستئناف بالدار البيضاء"), else 0."""
    return _place_with(rules, text, index, BI) - index


def _region_seat(rules: NameRules, text: Tokens, index: int, clitic: str = "ب") -> int:
    """The tokens of "ب", a region word and a region's name at token `index` ("وزارة
    الصحة بولاية كسلا", "مكتب الصحة العامة والسكان بمحافظة الحديدة"): the body of
    that region, its name going on to it; else 0. A regional body's may be named with
    "ل" (`clitic`) and the region word: "الأكاديمية الجهوية للتربية والتكوين لجهة
    الرباط سلا القنيطرة"."""
    word = text.words[index]
    if not word.startswith(clitic) or not text.joined(index):
        return 0
    if clitic != BI:
        return _named_after(rules, text, index, index + 1) if word[1:] in rules.region_words else 0
    if word[len(BI) :] not in rules.region_words:
        # a region named with its own word, no town's name: "الإدارة العامة للتعليم
        # بالمنطقة الشرقية", "مديرية القوى العاملة بالشرقية"; "بصنعاء" is the city's
        end = _place_with(rules, text, index, BI, names=(rules.arabic_regions,))
        name = " ".join([word[len(BI) :], *text.words[index + 1 : end]])
        return end - index if end > index and name not in rules.place_keys else 0
    return _named_after(rules, text, index, index + 1)


def _local_seat(rules: NameRules, text: Tokens, index: int, bare_town: bool = False) -> int:
    """The tokens of "في", a region word or none, and a town's or region's name at
    token `index` ("مكتب الصحة العامة والسكان في تعز", "مديرية الموارد المائية في
    محافظة البصرة"), or of "ب" and a town's name ("دائرة التنمية الزراعية بنزوى"),
    or (`bare_town`) of the town's name alone ("المجلس البلدي أوباري"): a local
    office of that place; else 0. A country or a sea after "في" says where a body
    is, no part of its name."""
    words, following = text.words, index + 1
    word = words[index]
    if bare_town and (size := _named_after(rules, text, index, index)):
        return size
    if word.startswith(BI) and word != BI:
        return _place_with(rules, text, index, BI, names=(rules.arabic_local_places,)) - index
    if word != IN_ARABIC or following >= len(words) or not text.joined(index):
        return 0
    if words[following] in rules.region_words and text.joined(following):
        following += 1
    return _named_after(rules, text, index, following)


def _named_after(rules: NameRules, text: Tokens, index: int, start: int) -> int:
    """The tokens from `index` to the end of a region's or town's name opening at
    token `start`, else 0."""
    end = _local_name_end(rules, text, start)
    return end - index if end > start else 0


REGIONAL_ADJECTIVES = frozenset(("الجهوي", "الجهويه", "الاقليمي", "الاقليميه"))
"""Adjectives of a region's own body ("الأكاديمية الجهوية", "المديرية الإقليمية"): "ل"
and the region word after its name name the region ("... لجهة سوس ماسة")."""

LOCAL_ADJECTIVES = frozenset(
    ("البلدي", "البلديه", "المحلي", "المحليه", "القروي", "الجهوي", "الجهويه")
)
"""Adjectives of a town's or a region's own body ("المجلس البلدي", "المجلس القروي"):
the town named after them is the body's."""


def _workers_trade(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after the trade or the country a name ending with "العاملين" or
    "العمال" (the workers) goes on to at token `index`, after "في" ("النقابة العامة
    للعاملين في الموانئ البحرية", "الاتحاد العام لنقابات العمال في العراق") or "ب"
    ("النقابة العامة للعاملين بالغزل والنسيج", "... بقطاع النفط"), with the trade's
    adjectives or a second trade after "و"; else `index`. The workers of a body named
    before ("للعاملين بالشركة") are no trade."""
    words, count = text.words, len(text.words)
    if words[index - 1] not in WORKERS or not text.joined(index - 1):
        return index
    word = words[index]
    if word == IN_ARABIC or word == BI + SECTOR:
        trade = index + 1
        named = words[trade] if trade < count and text.joined(index) else ""
    elif word.startswith(BI + ARTICLE):
        trade, named = index, word[len(BI) :]
    else:
        return index
    if not (
        named.startswith(ARTICLE)
        and named not in rules.stopwords
        and named not in rules.arabic_ends
        and named not in rules.arabic_anaphoric
    ):
        return index
    end = trade + 1
    while (
        end < count
        and text.joined(end - 1)
        and words[end].startswith(ARTICLE)
        and (nisba(words[end]) or words[end] in rules.arabic_adjectives)
    ):
        end += 1
    second = words[end][len(AND) :] if end < count else ""
    if (
        second.startswith(ARTICLE)
        and words[end].startswith(AND)
        and text.joined(end - 1)
        and second not in rules.stopwords
        and second not in rules.arabic_ends
        and second[len(ARTICLE) :] not in rules.arabic_heads
    ):
        end += 1
    return end


SECTOR = "قطاع"

WORKERS = frozenset(("العاملين", "للعاملين", "العمال", "للعمال"))

RANKS = frozenset(
    ("الملك", "الملكه", "الامير", "الاميره", "الشيخ", "الشيخه", "السلطان", "الامام", "الشهيد")
)
"""Titles a body's name carries before the name of the person it is named for
("مستشفى الأمير الحسين"), where a definite noun after a definite one ends a name."""

VENUE_PURPOSES = frozenset(("للمعارض", "للمءتمرات", "المعارض", "المءتمرات", "اكسبو"))
"""What a place is for that makes a body's name a venue's: exhibitions, conferences
("مركز إكسبو الشارقة", the Expo Centre)."""


def _local_name_end(rules: NameRules, text: Tokens, start: int) -> int:
    """The token after a region's or a town's name of up to `MAX_PLACE_WORDS` words
    opening at token `start`, else `start`."""
    return _place_with(rules, text, start, "", 1, (rules.arabic_regions, rules.arabic_local_places))


def _purpose(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after "ل" and an indefinite noun, up to one more after "و", and the
    definite noun that completes them ("لنقل الكهرباء", "لإنتاج وتصنيع النفط"),
    else `index`."""
    words, count = text.words, len(text.words)
    word = words[index]
    if not (
        word.startswith(LAM)
        and not word.startswith((LAM_ARTICLE, LAM_OF_THE_ROOT))
        and len(word) > MIN_PURPOSE_LETTERS
        and word not in rules.stopwords
        and word not in rules.arabic_function
        and is_arabic(word)
    ):
        return index
    following = index + 1
    if (
        following + 1 < count
        and text.joined(following - 1)
        and words[following].startswith(AND)
        and not words[following].startswith(AND + ARTICLE)
        and words[following] not in rules.stopwords
    ):
        following += 1
    # a construct may go on over indefinite nouns: "لتسيير شبكة نقل الكهرباء"
    end = following
    while (
        end < count
        and end - following < CONSTRUCT_NOUNS
        and text.joined(end - 1)
        and _purpose_construct_noun(rules, text, end)
    ):
        end += 1
    if end > following and end < count and text.joined(end - 1) and words[end].startswith(ARTICLE):
        following = end
    if following >= count or not text.joined(following - 1):
        return index
    complement = words[following]
    if complement in rules.place_keys and is_arabic(complement):
        return following + 1  # "لطلبة موريتانيا"
    if (
        complement.startswith(ARTICLE)
        and complement not in rules.arabic_ends
        and complement not in rules.stopwords
        and (not nisba(complement) or alef_maqsura(text, following))  # "لألعاب القوى"
    ):
        return following + 1
    return index


def _purpose_construct_noun(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is an indefinite noun inside the construct of a body's purpose
    ("شبكة", "نقل" of "لتسيير شبكة نقل الكهرباء"), no adjective: a word in "ي" is
    one unless written with "ى" or a broken plural ("مباني"), and ends a construct
    ("مدرب الجيش الفرنسي لوران مارتيني قرارات الحكم" holds no purpose)."""
    word = text.words[index]
    return (
        is_arabic(word)
        and not _indefinite_adjective(text, index)
        and not word.startswith((AND, *ARTICLE_FORMS))
        and word not in rules.arabic_function
        and word not in rules.stopwords
        and word not in rules.given_arabic
        and word not in rules.place_keys
        and word not in rules.arabic_regions
        and not feminine_adjective(rules, word)
        and not not_a_name(word)
    )


def _indefinite_adjective(text: Tokens, index: int) -> bool:
    """Token `index` has the shape of an indefinite adjective of relation ("دولي",
    "مارتيني" read as one): ending in "ي" as written, no broken plural of the shapes
    أفاعل and مفاعل ("مباني", "محامي")."""
    word = text.words[index]
    return (
        len(word) >= PLURAL_IN_YA_LETTERS
        and word.endswith(NISBA_LETTER)
        and not _plural_stem_in_ya(word)
        and not alef_maqsura(text, index)
    )


MIN_PURPOSE_LETTERS = 3

LAM_OF_THE_ROOT = "لاء"
"""Normalized "لائـ", whose "ل" is the root's, no preposition: "لائحة الاتهام" (the
charge sheet) after "النيابة العامة" is the sentence's object."""
""""ل" and a noun of three letters at least: "لنقل"."""

CONSTRUCT_NOUNS = 2
"""How many indefinite nouns a construct may chain before its definite noun."""


def _construct_chain(
    rules: NameRules, text: Tokens, start: int, nesting: bool = False
) -> tuple[int, int | None]:
    """The token of the definite noun that ends a construct of indefinite nouns after
    the head ("محكمة أمن الدولة", "شركة نفط الشمال"), else `start`; and the token
    where a place's name that ends it opens, else None. With `nesting`, a head noun
    may be one of the nouns ("قيادة شرطة ذي قار")."""
    words, index = text.words, start
    while index < len(words) and index - start <= CONSTRUCT_NOUNS and text.joined(index - 1):
        word = words[index]
        if on_place(rules, word) or (
            word[0] in PLACE_PREPOSITIONS and word[1:] in rules.place_words
        ):
            return start, None  # "بلدية أوجفت بولاية أدرار": where it is, after the name
        if (end := _place_named_at(rules, text, index)) > index:
            return end, index  # a place ends it as a definite noun does: "موانئ أبوظبي"
        if word.startswith(ARTICLE):
            definite = word not in rules.arabic_ends and word not in rules.stopwords
            return (index if definite and index > start else start), None
        if (
            not is_arabic(word)
            or word.startswith((AND, *ARTICLE_FORMS))
            or (len(word) > 3 and word[0] in "ين")  # a verb in the present: "شركة يملكها"
            or word in rules.arabic_function
            # a head that is a verbal noun is the body's task: "هيئة تنظيم المياه"
            or (word in rules.arabic_heads and not nesting and not verbal_noun(word))
            or word in rules.given_arabic
        ):
            return start, None
        index += 1
    return start, None


MIN_SOUND_PLURAL_LETTERS = 5
"""Shorter words so ending are nouns of their own ("العون", "الشؤون")."""


def _place_named_at(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after an Arabic place's name opening at token `index` ("أبوظبي", "كفر
    الشيخ", "ذي قار"), else `index`."""
    words = text.words
    word = words[index]
    if word in rules.place_openers and (
        # the longest name first: "مجلس جهة فاس مكناس" is the region's, not Fez's
        (end := _place_with(rules, text, index, "", 2, (rules.place_keys, rules.arabic_regions)))
        > index
    ):
        return end
    if word in rules.place_keys or word in rules.arabic_regions:
        # "شركة صينية" (a Chinese company): a people's adjective, no place's name; a
        # region's name of one word: "مديرية زراعة ديالى"
        return index + 1 if is_arabic(word) and not feminine_adjective(rules, word) else index
    return index


def _conjunct(rules: NameRules, word: str, after_for: bool = False) -> bool:
    """ "و" and a definite noun that shares the body's name with the noun before it
    ("وزارة التعليم العالي والبحث العلمي", "... والتنمية القروية", whose ending
    is a nisba's), or a second adjective ("المجلس الاقتصادي والاجتماعي"): no head
    noun, which starts the next body ("... والهيئة") unless it shares a "ل" before
    it (`after_for`: "المديرية العامة للآثار والمتاحف"), no name the gazetteer knows
    (a country's adjective: "السعودية والإماراتية" are two countries' bodies), no
    word that ends a name."""
    if not word.startswith(AND + ARTICLE):
        return False
    bare = word[len(AND) :]
    return (
        (after_for or word not in rules.arabic_heads)
        and bare not in rules.arabic_ends
        and bare not in rules.keys
        and bare not in rules.stopwords
    )


def _closes_for(text: Tokens, index: int) -> bool:
    """The word at `index` follows a word with "لل" and ends the name: "والمتاحف" of
    "للآثار والمتاحف", where "والمؤسسة الوطنية" opens another body."""
    words, following = text.words, index + 1
    return words[index - 1].startswith(LAM_ARTICLE) and (
        following >= len(words)
        or not text.joined(index)
        or not words[following].startswith((ARTICLE, LAM_ARTICLE))
    )


def _construct_conjunct(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is "و" and an indefinite noun, and a definite noun completes it
    ("وموارد المياه", "وتقنية المعلومات"): one more field of a ministry's or a
    company's name. No head noun, which starts the next body ("وقوات الأمن"), no
    role or other stop word ("ومدير المستشفى")."""
    words = text.words
    word = words[index]
    if (
        index + 1 >= len(words)
        or not text.joined(index)
        or not word.startswith(AND)
        or word.startswith(AND + ARTICLE)
    ):
        return False
    stem, complement = word[len(AND) :], words[index + 1]
    return (
        is_arabic(stem)
        # a word that opens with و itself: "وزير", "وائل"
        and word not in rules.given_arabic
        and word not in rules.stopwords
        and word not in rules.common
        and word not in rules.arabic_heads
        and stem not in rules.stopwords
        and stem not in rules.arabic_ends
        and stem not in rules.given_arabic
        and stem not in rules.keys
        and complement.startswith(ARTICLE)
        and complement not in rules.stopwords
        and complement not in rules.keys
        and (not nisba(complement) or _plural_in_ya(complement))
    )


def _plural_in_ya(word: str) -> bool:
    """A definite broken plural of the shapes أفاعل and مفاعل ending with ي
    ("الأراضي", "المباني"), which a nisba's shape hides: after an indefinite noun it
    completes it ("واستصلاح الأراضي")."""
    return _plural_stem_in_ya(word[len(ARTICLE) :])


def _plural_stem_in_ya(stem: str) -> bool:
    return len(stem) == PLURAL_IN_YA_LETTERS and stem[0] in "ام" and stem[2] == "ا"


PLURAL_IN_YA_LETTERS = 5

MAX_NAMESAKE_WORDS = 4


def with_ali(text: Tokens, name: Name) -> Name:
    """The person with the given name Ali before it, written with ي where the
    preposition takes ى ("علي حسن المجيد"): normalized alike, the two are told apart
    by the spelling as written."""
    before = name.first - 1
    if before < 0 or not text.joined(before) or not ali_written(text, before):
        return name
    return Name(name.type, f"{ALI} {name.name}", before, name.last, name.acronym, name.yields)


def _named_for(rules: NameRules, text: Tokens, index: int, memorial: bool = False) -> int:
    """The token after a title of rank and the given names and particles of the
    person a body is named for, at token `index` right after its head ("جامعة الملك
    عبد العزيز", "مركز الملك سلمان للإغاثة"); after a `memorial` head, the person's
    name without a title too ("مستشفى كمال عدوان"); `index` when there is none."""
    words, count = text.words, len(text.words)
    if index + 1 >= count:
        return index
    if words[index] in rules.arabic_honoured and text.joined(index):
        bare = words[index + 1]
        opens = bare in rules.given_arabic or bare in rules.openers_arabic
        if opens and (person := arabic_person(rules, text, index + 1)) is not None:
            return person.last
        return index + 2 if _namesake_word(rules, bare) else index
    if words[index] in rules.arabic_namesakes:
        # a title that opens places' names too is a person's before a given name only:
        # "جامعة سيدي محمد بن عبد الله", not "جماعة سيدي بيبي"
        first = index + 1
        bare_at = -1 if words[index] in rules.toponym_prefixes else first
    elif words[index] in rules.given_arabic:
        person = arabic_person(rules, text, index)
        if not memorial and not _with_purpose(text, index, person):
            return index
        first, bare_at = index, -1  # a given name alone, or a person's whole name
        if person is not None:
            return person.last
    elif memorial and words[index] in rules.particles_arabic:
        first, bare_at = index, -1
    else:
        return index
    last = first
    fathered = False
    while last < count and last - first < MAX_NAMESAKE_WORDS and text.joined(last - 1):
        if (
            words[last] in rules.particles_arabic
            and (last == first or words[last] in FATHER)
            and last + 1 < count
            and text.joined(last)
        ):
            fathered = fathered or words[last] in FATHER
            last += 2
            if words[last - 1] == SERVANT and last < count and text.joined(last - 1):
                last += 1  # "بن عبد العزيز": the father's compound name
        elif words[last] in rules.given_arabic and not fathered and last == first:
            last += 1  # one given name; after it, a particle or the name's end
        elif last == bare_at and _namesake_word(rules, words[last]):
            last += 1  # "مستشفى السلطان قابوس": a name the lists may lack
        elif last > first and words[last] in REGNAL_NUMBERS:
            last += 1  # "مدرسة الملك عبدالله الثاني": the ruler's number ends the name
            break
        else:
            break
    return last if last > first else index


def _namesake_word(rules: NameRules, word: str) -> bool:
    """A bare word after a title that is the name of the person a body is named for,
    though the lists may lack it ("السلطان قابوس", "العقيد عميروش"): no place's name."""
    return bare_name(rules, word) and word not in rules.place_keys and not not_a_name(word)


def _with_purpose(text: Tokens, index: int, person: Name | None) -> bool:
    """The `person` found at token `index`, right after a head, has three words or
    more and a لل-word right after it: a body named for the person and what it is
    for ("مركز محمد بن راشد للفضاء")."""
    if person is None or person.last - index < 3 or person.last >= len(text.words):
        return False
    return text.joined(person.last - 1) and text.words[person.last].startswith(LAM_ARTICLE)


REGNAL_NUMBERS = frozenset(
    normalize_text(word)
    for word in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع")
)

TIME_AFTER = frozenset(
    normalize_text(word)
    for word in ("الماضي", "المقبل", "الجاري", "الحالي", "الماضية", "المقبلة", "الجارية", "الحالية")
)
"""Words after a noun of time ("العام الماضي"), which ends a body's name before it."""


def _second_name_word(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` goes on with the one bare word naming a body before it: a bare
    name word itself, the word before it no place ("جامعة دمشق" is named for its
    town), neither a head nor the start of a phrase."""
    words = text.words
    if index >= len(words) or not text.joined(index - 1):
        return False
    word, before = words[index], words[index - 1]
    return (
        bare_name(rules, word)
        and before not in rules.place_keys
        and word not in rules.place_keys
        and word not in rules.arabic_heads
        and not opens_a_phrase(rules, word)
        and not not_a_name(word)
    )


def _facility_construct(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is the definite noun that completes the one bare word naming a
    port or an airport ("ميناء خور الزبير", "مطار رأس الخيمة"): no place's name
    before it ("مطار بغداد الدولي"), no adjective, no ordinary word."""
    words = text.words
    if index >= len(words) or not text.joined(index - 1):
        return False
    word = words[index]
    return (
        words[index - 1] not in rules.place_keys
        and word.startswith(ARTICLE)
        and word not in rules.common
        and word not in rules.arabic_ends
        and word not in rules.arabic_adjectives
        and not nisba(word)
        and not _participle(word)
    )


def _foreign_name_end(rules: NameRules, text: Tokens, last: int) -> int:
    """Where a foreign name written in Arabic letters, which ends before token `last`,
    really ends: past more spelled letters after its letters ("سي دي جي") and then past
    one bare word after a letter or a link ("سي دي جي كابيتال", "جان دي نول", "لارسن آند
    توبرو")."""
    words, count = text.words, len(text.words)
    while (
        last < count
        and text.joined(last - 1)
        and words[last] in SPELLED_LETTERS
        and words[last - 1] in SPELLED_LETTERS
    ):
        last += 1
    if last >= count or not text.joined(last - 1):
        return last
    word = words[last]
    if (words[last - 1] in FOREIGN_LINKS and foreign_word(rules, word)) or (
        words[last - 1] in SPELLED_LETTERS and bare_name(rules, word)
    ):
        last += 1
    return last
