//! Entity mentions of an analysed text: gazetteer keys resolved leftmost-longest and
//! grouped per entry, and person names the gazetteer does not know, found next to
//! trigger words: speech verbs ("قال", "said", "a déclaré"), roles ("المتحدث باسم",
//! "spokesman for") and titles ("الرئيس", "President", "M."). Latin-script names
//! must be capitalised as written; Arabic names are two to four tokens that are
//! not common words.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::analysis::Analysis;
use crate::py_bool;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::matcher::{next_id, PhraseHit, Phrases};

const MAX_NAME_TOKENS: usize = 4;
/// "a indiqué le porte-parole du gouvernement, Zabihullah Mujahid"
const LOWERCASE_SKIP: usize = 5;
const ARTICLES: [&str; 11] = ["a", "an", "the", "un", "une", "le", "la", "l", "its", "his", "her"];
// The Arabic rules below are those of workers/text/arabic.py (NISBA_LETTER,
// COMPOUND_NAME_ENDINGS, ARTICLE, AND); tests/unit/test_arabic_rules.py holds them equal.
/// Nisba family names: "البغدادي", "الحلبي".
const ARABIC_SURNAME_ENDING: char = 'ي';
/// "حسام الدين".
const ARABIC_NAME_ENDINGS: [&str; 5] = ["الدين", "الله", "الرحمن", "الحق", "الاسلام"];
const ARABIC_ARTICLE: &str = "ال";
const CONJUNCTION: char = 'و';
const IGNORED: i32 = -1;

#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// The name follows: "said X", "قال X".
    After,
    /// The name comes first: "X, spokesman for".
    Before,
    /// A title before the name: "President X".
    Title,
}

struct Trigger {
    lang: String,
    role: Role,
}

/// The mentions of one gazetteer entry: the offset of the first (characters of the
/// original), how many, whether any was a name rather than an adjective, and the
/// surface forms in order of first use.
#[pyclass(frozen, get_all, eq, module = "newswire_text")]
#[derive(Clone, Debug, PartialEq)]
pub struct EntryMentions {
    pub entry: i32,
    pub first_offset: u32,
    pub count: u32,
    pub named: bool,
    pub surface_forms: Vec<String>,
}

/// The mentions of one person the gazetteer does not know, by normalized name.
#[pyclass(frozen, get_all, eq, module = "newswire_text")]
#[derive(Clone, Debug, PartialEq)]
pub struct PersonMentions {
    pub name: String,
    pub first_offset: u32,
    pub count: u32,
    pub surface_forms: Vec<String>,
}

/// What `EntityFinder.find` finds: gazetteer entries and unknown people, each in
/// order of first mention.
#[pyclass(frozen, get_all, eq, module = "newswire_text")]
#[derive(Clone, Debug, PartialEq)]
pub struct FoundMentions {
    pub known: Vec<EntryMentions>,
    pub people: Vec<PersonMentions>,
}

#[pymethods]
impl EntryMentions {
    fn __repr__(&self) -> String {
        format!(
            "EntryMentions(entry={}, first_offset={}, count={}, named={}, surface_forms={:?})",
            self.entry,
            self.first_offset,
            self.count,
            py_bool(self.named),
            self.surface_forms
        )
    }
}

#[pymethods]
impl PersonMentions {
    fn __repr__(&self) -> String {
        format!(
            "PersonMentions(name={:?}, first_offset={}, count={}, surface_forms={:?})",
            self.name, self.first_offset, self.count, self.surface_forms
        )
    }
}

#[pymethods]
impl FoundMentions {
    fn __repr__(&self) -> String {
        format!("FoundMentions(known={:?}, people={:?})", self.known, self.people)
    }
}

/// A name read next to a trigger: the trigger, the normalized name, its offset and
/// surface form.
struct NameHit {
    trigger: u32,
    name: String,
    offset: u32,
    surface: String,
}

/// What an analysed text holds for a finder, whatever its language: the gazetteer
/// entities and every trigger's name.
pub struct Found {
    entities: Vec<EntryMentions>,
    names: Vec<NameHit>,
}

#[pyclass(frozen, module = "newswire_text")]
pub struct EntityFinder {
    id: u64,
    keys: Phrases,
    key_entry: Vec<i32>,
    key_named: Vec<bool>,
    /// Whether a key is a known person's name.
    key_person: Vec<bool>,
    triggers: Phrases,
    trigger_info: Vec<Trigger>,
    stopwords: FxHashSet<String>,
    joiners: FxHashSet<String>,
    known_people: FxHashSet<String>,
    roles: FxHashSet<String>,
    role_links: FxHashSet<String>,
}

struct Tokens<'a> {
    finder: &'a EntityFinder,
    analysis: &'a Analysis,
    covered: Vec<bool>,
    /// Tokens of a known person's name.
    person: Vec<bool>,
}

fn is_digits(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_numeric)
}

impl<'a> Tokens<'a> {
    fn word(&self, index: isize) -> Option<&'a str> {
        let index = usize::try_from(index).ok().filter(|&i| i < self.analysis.len())?;
        Some(self.analysis.token_text(index))
    }

    fn covered(&self, index: isize) -> bool {
        usize::try_from(index).ok().and_then(|i| self.covered.get(i).copied()).unwrap_or(false)
    }

    fn known_person(&self, index: isize) -> bool {
        usize::try_from(index).ok().and_then(|i| self.person.get(i).copied()).unwrap_or(false)
    }

    fn usable(&self, index: isize) -> bool {
        match self.word(index) {
            Some(word) => {
                !self.finder.stopwords.contains(word) && !is_digits(word) && !self.covered(index)
            }
            None => false,
        }
    }

    fn capitalised(&self, index: isize) -> bool {
        self.analysis.is_capitalised(index as usize)
    }

    fn joiner(&self, index: isize) -> bool {
        self.word(index).is_some_and(|w| self.finder.joiners.contains(w))
    }

    /// "وزير الخارجية الاميركي انتوني بلينكن", "المتحدث باسم الوزارة محمد العبد العالي":
    /// after a role (or a title), its complements are stepped over to the name.
    fn arabic_forward(&self, mut index: isize, skip_modifiers: bool) -> Vec<isize> {
        if skip_modifiers && self.broken(index - 1) {
            return Vec::new(); // a title stands right before its name: "محمود الشيخ، وهو"
        }
        let at_role = self.word(index).is_some_and(|w| self.finder.roles.contains(w));
        if skip_modifiers || at_role {
            if !skip_modifiers {
                index += 1;
            }
            for _ in 0..4 {
                if self.known_person(index) {
                    return Vec::new(); // the title's person is a known one
                }
                match self.word(index) {
                    Some(word)
                        if self.covered(index)
                            || self.finder.role_links.contains(word)
                            || word.starts_with(ARABIC_ARTICLE) =>
                    {
                        index += 1
                    }
                    _ => break,
                }
            }
        }
        self.arabic_name(index)
    }

    /// Punctuation or a line break between tokens `index` and `index + 1`: a name
    /// never runs across it ("رشيد الخمليشي بسنتين، فيما").
    fn broken(&self, index: isize) -> bool {
        usize::try_from(index).map_or(true, |i| self.analysis.breaks_after(i))
    }

    fn arabic_name(&self, mut index: isize) -> Vec<isize> {
        let mut picked: Vec<isize> = Vec::new();
        while picked.len() < MAX_NAME_TOKENS && self.usable(index) {
            if !picked.is_empty() && self.broken(index - 1) {
                break;
            }
            let word = self.analysis.token_text(index as usize);
            if !picked.is_empty() && word.starts_with(CONJUNCTION) {
                break; // "وعرضت": a new clause, not a second name
            }
            if word.starts_with(ARABIC_ARTICLE) {
                let continues = picked.last().is_some_and(|&last| {
                    self.joiner(last)
                        || self.finder.joiners.contains(word)
                        || ARABIC_NAME_ENDINGS.contains(&word)
                        || word.ends_with(ARABIC_SURNAME_ENDING)
                });
                if !continues {
                    break;
                }
            }
            picked.push(index);
            index += 1;
        }
        while picked.last().is_some_and(|&last| self.joiner(last)) {
            picked.pop();
        }
        picked
    }

    fn arabic_backward(&self, mut index: isize) -> Vec<isize> {
        let mut picked: Vec<isize> = Vec::new();
        while picked.len() < 3
            && self.usable(index)
            && !self.analysis.token_text(index as usize).starts_with(ARABIC_ARTICLE)
            && (picked.is_empty() || !self.broken(index))
        {
            picked.insert(0, index);
            index -= 1;
        }
        picked
    }

    /// Capitalised tokens from `index` in direction `step`; going forward, up to `skip`
    /// lower-case words may come first ("a déclaré le prévisionniste François Gourand").
    fn latin_run(&self, mut index: isize, step: isize, mut skip: usize) -> Vec<isize> {
        let stopwords = &self.finder.stopwords;
        while skip > 0
            && self.word(index).is_some_and(|w| {
                self.covered(index) || stopwords.contains(w) || !self.capitalised(index)
            })
        {
            if self.covered(index) && self.joiner(index + step) {
                // "cheikh Tamim ben Hamad Al Thani": the rest of a name the gazetteer
                // knows by its start, not a second person
                return Vec::new();
            }
            index += step;
            skip -= 1;
        }
        let mut picked: Vec<isize> = Vec::new();
        while picked.len() < MAX_NAME_TOKENS {
            let Some(word) = self.word(index) else { break };
            if !picked.is_empty() && self.broken(if step > 0 { index - 1 } else { index }) {
                break;
            }
            if self.finder.joiners.contains(word) && !picked.is_empty() {
                if self.covered(index) {
                    break;
                }
            } else if stopwords.contains(word)
                || is_digits(word)
                || self.covered(index)
                || !self.capitalised(index)
            {
                break;
            }
            picked.push(index);
            index += step;
        }
        if step < 0 {
            picked.reverse();
        }
        while picked.last().is_some_and(|&last| self.joiner(last)) {
            picked.pop();
        }
        while picked.first().is_some_and(|&first| self.joiner(first)) {
            picked.remove(0);
        }
        picked
    }

    /// The name announced by a trigger on tokens `[first, last]`.
    fn name(&self, trigger: &Trigger, first: isize, last: isize) -> Vec<isize> {
        if trigger.lang == "ar" {
            return match trigger.role {
                Role::Before => self.arabic_backward(first - 1),
                role => self.arabic_forward(last + 1, role == Role::Title),
            };
        }
        if trigger.role == Role::Before {
            let mut before = first - 1;
            if self.word(before).is_some_and(|w| ARTICLES.contains(&w)) {
                before -= 1;
            }
            let found = self.latin_run(before, -1, 0);
            if found.len() >= 2 {
                return found;
            }
        }
        // "le ministre italien des Affaires étrangères Antonio Tajani"
        self.latin_run(last + 1, 1, LOWERCASE_SKIP)
    }
}

fn add_surface(surfaces: &mut Vec<String>, surface: &str) {
    if !surfaces.iter().any(|s| s == surface) {
        surfaces.push(surface.to_owned());
    }
}

impl EntityFinder {
    fn found(&self, analysis: &Analysis) -> Found {
        let matches = self.keys.resolve(analysis);
        let mut entities: Vec<EntryMentions> = Vec::new();
        let mut position: FxHashMap<i32, usize> = FxHashMap::default();
        // mentions of one key normalize alike and need no new surface form
        let mut seen_keys: FxHashSet<u32> = FxHashSet::default();
        let mut covered = vec![false; analysis.len()];
        let mut person = vec![false; analysis.len()];
        for &PhraseHit { phrase: key, first, last } in &matches {
            let span = first as usize..last as usize;
            covered[span.clone()].iter_mut().for_each(|c| *c = true);
            if self.key_person[key as usize] {
                person[span].iter_mut().for_each(|c| *c = true);
            }
            let entry = self.key_entry[key as usize];
            if entry == IGNORED {
                continue;
            }
            let named = self.key_named[key as usize];
            let slot = *position.entry(entry).or_insert_with(|| {
                let offset = analysis.run_of(first as usize).char_start;
                entities.push(EntryMentions {
                    entry,
                    first_offset: offset,
                    count: 0,
                    named: false,
                    surface_forms: Vec::new(),
                });
                entities.len() - 1
            });
            let mentions = &mut entities[slot];
            mentions.count += 1;
            mentions.named |= named;
            if seen_keys.insert(key) {
                let surface = analysis.surface_of(first as usize, last as usize);
                add_surface(&mut mentions.surface_forms, surface);
            }
        }
        let hits = self.triggers.find_all(analysis);
        let mut names: Vec<NameHit> = Vec::new();
        if hits.is_empty() {
            return Found { entities, names };
        }
        let tokens = Tokens { finder: self, analysis, covered, person };
        for PhraseHit { phrase: trigger, first, last } in hits {
            let info = &self.trigger_info[trigger as usize];
            let picked = tokens.name(info, first as isize, last as isize - 1);
            if picked.len() < 2 {
                continue;
            }
            let (first, last) = (picked[0] as usize, *picked.last().unwrap_or(&picked[0]) as usize);
            let name = analysis.form_of(first, last + 1).to_owned();
            if self.known_people.contains(&name) {
                continue;
            }
            names.push(NameHit {
                trigger,
                name,
                offset: analysis.run_of(first).char_start,
                surface: analysis.surface_of(first, last + 1).to_owned(),
            });
        }
        Found { entities, names }
    }

    /// `found` for a text in `language`: only that language's Latin-script triggers
    /// (and the Arabic ones) name people.
    fn mentions(&self, found: &Found, language: Option<&str>) -> FoundMentions {
        let mut people: Vec<PersonMentions> = Vec::new();
        for hit in &found.names {
            let trigger = &self.trigger_info[hit.trigger as usize];
            if let Some(language) = language {
                if trigger.lang != language && trigger.lang != "ar" {
                    continue; // an English "Prince" in French text names a stadium
                }
            }
            match people.iter_mut().find(|p| p.name == hit.name) {
                Some(person) => {
                    person.first_offset = person.first_offset.min(hit.offset);
                    person.count += 1;
                    add_surface(&mut person.surface_forms, &hit.surface);
                }
                None => people.push(PersonMentions {
                    name: hit.name.clone(),
                    first_offset: hit.offset,
                    count: 1,
                    surface_forms: vec![hit.surface.clone()],
                }),
            }
        }
        FoundMentions { known: found.entities.clone(), people }
    }

    /// Entities and unknown people of `analysis` (from the results made ahead when
    /// they are this finder's); with `language` known, only that language's
    /// Latin-script triggers apply.
    pub fn find_in(&self, analysis: &Analysis, language: Option<&str>) -> FoundMentions {
        match analysis.entities_ahead.get() {
            Some((id, found)) if *id == self.id => self.mentions(found, language),
            _ => self.mentions(&self.found(analysis), language),
        }
    }

    /// `keys`: normalized key, entry index (`IGNORED`: a phrase that tags nothing),
    /// whether it is a name (not an adjective) and its case rule (0 any, 1 title,
    /// 2 upper). `triggers`: normalized phrase, language, role ("after", "before",
    /// "title").
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        keys: Vec<(String, i32, bool, u8)>,
        triggers: Vec<(String, String, String)>,
        stopwords: FxHashSet<String>,
        joiners: FxHashSet<String>,
        known_people: FxHashSet<String>,
        roles: FxHashSet<String>,
        role_links: FxHashSet<String>,
    ) -> Result<Self, String> {
        let phrases: Vec<String> = keys.iter().map(|k| k.0.clone()).collect();
        let cases: Vec<u8> = keys.iter().map(|k| k.3).collect();
        let trigger_phrases: Vec<String> = triggers.iter().map(|t| t.0.clone()).collect();
        let trigger_info = triggers
            .iter()
            .map(|(_, lang, role)| Ok(Trigger { lang: lang.clone(), role: role_of(role)? }))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(EntityFinder {
            id: next_id(),
            keys: Phrases::new(phrases, cases)?,
            key_entry: keys.iter().map(|k| k.1).collect(),
            key_named: keys.iter().map(|k| k.2).collect(),
            key_person: keys.iter().map(|k| known_people.contains(&k.0)).collect(),
            triggers: Phrases::new(trigger_phrases, Vec::new())?,
            trigger_info,
            stopwords,
            joiners,
            known_people,
            roles,
            role_links,
        })
    }

    /// Find in `analysis` now, for `find` to give later.
    pub fn find_ahead(&self, analysis: &Analysis) {
        let _ = analysis.entities_ahead.set((self.id, self.found(analysis)));
    }
}

fn role_of(name: &str) -> Result<Role, String> {
    match name {
        "after" => Ok(Role::After),
        "before" => Ok(Role::Before),
        "title" => Ok(Role::Title),
        other => Err(format!("trigger role {other:?}: expected after, before or title")),
    }
}

#[pymethods]
impl EntityFinder {
    /// `keys`: normalized key, entry index (-1: a phrase that tags nothing), whether
    /// it is a name (not an adjective) and its case rule (0 any, 1 title, 2 upper).
    /// `triggers`: normalized phrase, language, role ("after", "before", "title").
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        keys: Vec<(String, i32, bool, u8)>,
        triggers: Vec<(String, String, String)>,
        stopwords: FxHashSet<String>,
        joiners: FxHashSet<String>,
        known_people: FxHashSet<String>,
        roles: FxHashSet<String>,
        role_links: FxHashSet<String>,
    ) -> PyResult<Self> {
        Self::build(keys, triggers, stopwords, joiners, known_people, roles, role_links)
            .map_err(PyValueError::new_err)
    }

    /// Gazetteer keys of the finder.
    fn __len__(&self) -> usize {
        self.keys.len()
    }

    /// Entities mentioned and unknown people named next to triggers, each by first
    /// mention. Offsets are characters of the original; with `language` known, only
    /// that language's Latin-script triggers apply.
    #[pyo3(signature = (analysis, language=None))]
    fn find(&self, analysis: &Analysis, language: Option<&str>) -> FoundMentions {
        self.find_in(analysis, language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANY: u8 = 0;
    const TITLE: u8 = 1;
    const UPPER: u8 = 2;

    fn set(words: &[&str]) -> FxHashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn finder() -> EntityFinder {
        let keys = [
            ("raqqa", 0, true, TITLE),
            ("الرقه", 0, true, ANY),
            ("والرقه", 0, true, ANY),
            ("بالرقه", 0, true, ANY),
            ("syria", 1, true, TITLE),
            ("syrian", 1, false, TITLE),
            ("new york", 2, true, TITLE),
            ("new york times", 3, true, TITLE),
            ("us", 4, true, UPPER),
            ("islamic state", IGNORED, false, ANY),
            ("paul martin", 5, true, TITLE),
            ("سالم الخنبشي", 6, true, ANY),
        ];
        let triggers = [
            ("said", "en", "after"),
            ("president", "en", "title"),
            ("spokesman", "en", "before"),
            ("a declare", "fr", "after"),
            ("قال", "ar", "after"),
            ("الشيخ", "ar", "title"),
        ];
        EntityFinder::build(
            keys.iter().map(|&(k, e, n, c)| (k.to_string(), e, n, c)).collect(),
            triggers.iter().map(|&(p, l, r)| (p.into(), l.into(), r.into())).collect(),
            set(&["the", "a", "le", "in", "on", "في"]),
            set(&["de", "bin"]),
            set(&["emmanuel macron", "paul martin", "سالم الخنبشي"]),
            set(&["المتحدث"]),
            set(&["باسم"]),
        )
        .unwrap()
    }

    fn forms(mentions: &EntryMentions) -> Vec<&str> {
        mentions.surface_forms.iter().map(String::as_str).collect()
    }

    fn entries(found: &FoundMentions) -> Vec<(i32, u32, bool, Vec<&str>)> {
        found.known.iter().map(|m| (m.entry, m.count, m.named, forms(m))).collect()
    }

    fn people(found: &FoundMentions) -> Vec<&str> {
        found.people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn mentions_of_an_entry_are_grouped_with_their_surface_forms_as_written() {
        let text = "Raqqa: الرقّة والرقة بالرقة، Raqqa";
        let found = finder().find_in(&Analysis::new(text), None);
        assert_eq!(entries(&found), [(0, 5, true, vec!["Raqqa", "الرقّة", "والرقة", "بالرقة"])]);
        assert_eq!(found.known[0].first_offset, 0);
    }

    #[test]
    fn short_latin_keys_keep_their_case_rules() {
        let found = finder().find_in(&Analysis::new("raqqa and us; US troops"), None);
        assert_eq!(entries(&found), [(4, 1, true, vec!["US"])]);
        assert_eq!(found.known[0].first_offset, 14);
    }

    #[test]
    fn the_longest_key_wins() {
        let found = finder().find_in(&Analysis::new("The New York Times, New York"), None);
        let ids: Vec<i32> = found.known.iter().map(|m| m.entry).collect();
        assert_eq!(ids, [3, 2]);
    }

    #[test]
    fn an_entry_met_only_as_an_adjective_is_not_named() {
        let found = finder().find_in(&Analysis::new("Syrian troops"), None);
        assert_eq!(entries(&found), [(1, 1, false, vec!["Syrian"])]);
        let both = finder().find_in(&Analysis::new("Syrian troops left Syria"), None);
        assert_eq!(entries(&both), [(1, 2, true, vec!["Syrian", "Syria"])]);
    }

    #[test]
    fn ignored_keys_tag_nothing_and_are_no_name() {
        let found = finder().find_in(&Analysis::new("Islamic State said Islamic State"), None);
        assert!(found.known.is_empty() && found.people.is_empty());
    }

    #[test]
    fn people_are_named_next_to_triggers_unless_known() {
        let text = "John Smith, a spokesman for the army, said Jane Doe on Monday. \
                    President Emmanuel Macron left.";
        let found = finder().find_in(&Analysis::new(text), None);
        assert_eq!(people(&found), ["john smith", "jane doe"]);
        assert_eq!(found.people[1].surface_forms, ["Jane Doe"]);
        let text = "President Joe Biden said Paul Martin left";
        let titled = finder().find_in(&Analysis::new(text), None);
        assert_eq!(people(&titled), ["joe biden"]);
        assert_eq!(entries(&titled), [(5, 1, true, vec!["Paul Martin"])]);
    }

    #[test]
    fn a_name_never_runs_across_punctuation() {
        let text = "Then said Jane Doe, Acme Rivers won. قال محمد البغدادي، فيما";
        let found = finder().find_in(&Analysis::new(text), None);
        assert_eq!(people(&found), ["jane doe", "محمد البغدادي"]);
    }

    #[test]
    fn an_arabic_title_before_punctuation_announces_no_name() {
        let named = finder().find_in(&Analysis::new("التقى الشيخ محمد البغدادي"), None);
        assert_eq!(people(&named), ["محمد البغدادي"]);
        let text = "التقى محمود الشيخ، وهو مدرس";
        assert!(finder().find_in(&Analysis::new(text), None).people.is_empty());
    }

    #[test]
    fn a_person_named_twice_counts_twice_from_the_first_offset() {
        let text = "said Jane Doe, and President Jane Doe";
        let found = finder().find_in(&Analysis::new(text), None);
        let jane = &found.people[0];
        assert_eq!((jane.count, jane.first_offset), (2, 5));
        assert_eq!(jane.surface_forms, ["Jane Doe"]);
    }

    #[test]
    fn only_the_texts_language_latin_triggers_name_people() {
        let text = "Le ministre a déclaré Jean Castex lundi; then he said Paul Dupont. \
                    قال محمد البغدادي";
        let analysis = Analysis::new(text);
        let finder = finder();
        let named = |language| finder.find_in(&analysis, language);
        assert_eq!(people(&named(None)), ["jean castex", "paul dupont", "محمد البغدادي"]);
        assert_eq!(people(&named(Some("fr"))), ["jean castex", "محمد البغدادي"]);
        assert_eq!(people(&named(Some("en"))), ["paul dupont", "محمد البغدادي"]);
    }

    #[test]
    fn arabic_names_step_over_a_role_and_its_complements() {
        let text = "قال المتحدث باسم الوزارة محمد البغدادي";
        let found = finder().find_in(&Analysis::new(text), Some("ar"));
        assert_eq!(people(&found), ["محمد البغدادي"]);
        assert_eq!(found.people[0].surface_forms, ["محمد البغدادي"]);
    }

    #[test]
    fn a_known_person_after_a_role_ends_the_search_for_its_name() {
        let text = "قال المتحدث باسم الوزارة سالم الخنبشي الحكومة بسرعة تقديم المساعدات";
        let found = finder().find_in(&Analysis::new(text), Some("ar"));
        assert!(people(&found).is_empty());
        assert_eq!(entries(&found)[0].0, 6);
    }

    #[test]
    fn results_made_ahead_equal_results_made_now() {
        let finder = finder();
        let text = "President Joe Biden said in Raqqa and الرقة that Syrian troops left";
        let ahead = Analysis::new(text);
        finder.find_ahead(&ahead);
        for language in [None, Some("en"), Some("fr"), Some("ar")] {
            let now = finder.find_in(&Analysis::new(text), language);
            assert_eq!(finder.find_in(&ahead, language), now);
        }
    }

    #[test]
    fn unknown_trigger_roles_are_refused() {
        let made = EntityFinder::build(
            vec![],
            vec![("said".into(), "en".into(), "around".into())],
            set(&[]),
            set(&[]),
            set(&[]),
            set(&[]),
            set(&[]),
        );
        assert!(made.err().is_some_and(|e| e.contains("\"around\"")));
    }
}
