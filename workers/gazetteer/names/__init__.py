"""Organisations and people the gazetteer does not know, found from how their
names are built rather than from a list of them.

- **Organisations** are built around a head noun (`workers/data/organisation_heads.toml`):
  English names end with it or continue with an of-phrase ("Saudi Electricity Co",
  "Free Confederation of Mauritanian Workers"); French names start with it, their
  other words often in lower case ("Cour des comptes", "Assemblée nationale");
  Arabic names are the head and the definite words of its construct ("وزارة الطاقة
  السعودية", "الاتحاد العام التونسي للشغل"). An acronym in brackets right after a
  name ("(UGTT)") is another form of it, and its later mentions count.
- **People** open with a given name (`workers/data/given_names.toml`) followed by
  at least one more name word: capitalised words and name particles in Latin
  script ("Mohamed Lemine Ould Sidi"), given names, particles and one family name
  in Arabic ("أحمد ولد داداه", "رياض محرز").

A name never runs across punctuation or a line break. A name that is a gazetteer
key is left to the gazetteer. The search starts only at head nouns and given names
(set lookups over the tokens), so a text without them costs one pass.

The walk over the tokens is `finding`; organisations are built in `bodies` (which
builder a head opens), `arabic_bodies`, `latin` (English and French) and `acronyms`;
people in `people`; Arabic places nobody knows in `place_lists`; all over the rules
read from the data (`rules`) and the shapes of single words (`word_shapes`)."""
