//! Phrases of normalized tokens found in an `Analysis`: a trie over token hashes,
//! walked from every token, so a phrase only ever matches whole tokens ("الرقه"
//! never inside "والرقهي") and each token costs one table look-up.

use std::sync::atomic::{AtomicU64, Ordering};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::analysis::Analysis;
use crate::fxhash::FxHashMap;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A number no other matcher or finder of the process has: it tells whose results
/// an `Analysis` holds.
pub fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// What the original (unfolded) text must look like for a phrase to count.
const CASE_ANY: u8 = 0;
/// First letter upper case: "Nice", "Chad".
const CASE_TITLE: u8 = 1;
/// Every letter upper case: "US", "UN".
const CASE_UPPER: u8 = 2;
const ROOT: u32 = 0;
const NO_PHRASE: u32 = u32::MAX;

/// An occurrence of phrase number `phrase` on tokens `[first, last)`.
#[pyclass(frozen, get_all, eq, module = "newswire_text")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHit {
    pub phrase: u32,
    pub first: u32,
    pub last: u32,
}

#[pymethods]
impl PhraseHit {
    fn __repr__(&self) -> String {
        format!("PhraseHit(phrase={}, first={}, last={})", self.phrase, self.first, self.last)
    }
}

/// Phrases in one trie, with the case rule of each.
pub struct Phrases {
    edges: FxHashMap<(u32, u64), u32>,
    /// The phrase ending at each node, or `NO_PHRASE`.
    terminal: Vec<u32>,
    phrases: Vec<String>,
    cases: Vec<u8>,
    longest: usize,
    /// One bit per value of `hash & starter_mask`, set for the first token of each
    /// phrase: most tokens start no phrase, and this small table says so without a
    /// look-up in the larger `edges`.
    starters: Vec<u64>,
    starter_mask: u64,
}

impl Phrases {
    /// A phrase given twice keeps its first index; an empty phrase never matches.
    pub fn new(phrases: Vec<String>, cases: Vec<u8>) -> Result<Self, String> {
        if !cases.is_empty() && cases.len() != phrases.len() {
            return Err(format!("{} case rules for {} phrases", cases.len(), phrases.len()));
        }
        let bits = (phrases.len() * 16).next_power_of_two().clamp(1 << 12, 1 << 21);
        let starter_mask = bits as u64 - 1;
        let mut starters = vec![0u64; bits / 64];
        let mut edges: FxHashMap<(u32, u64), u32> = FxHashMap::default();
        let mut terminal = vec![NO_PHRASE];
        let mut longest = 0;
        for (index, phrase) in phrases.iter().enumerate() {
            let mut node = ROOT;
            let mut length = 0;
            for token in phrase.split(' ').filter(|t| !t.is_empty()) {
                let hash = Analysis::token_hash(token);
                if node == ROOT {
                    let bit = hash & starter_mask;
                    starters[(bit / 64) as usize] |= 1 << (bit % 64);
                }
                let next = terminal.len() as u32;
                node = *edges.entry((node, hash)).or_insert(next);
                if node == next {
                    terminal.push(NO_PHRASE);
                }
                length += 1;
            }
            if node != ROOT && terminal[node as usize] == NO_PHRASE {
                terminal[node as usize] = index as u32;
                longest = longest.max(length);
            }
        }
        Ok(Phrases { edges, terminal, phrases, cases, longest, starters, starter_mask })
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    fn case_ok(&self, analysis: &Analysis, phrase: usize, first: usize, last: usize) -> bool {
        match self.cases.get(phrase).copied().unwrap_or(CASE_ANY) {
            CASE_TITLE => analysis.is_capitalised(first),
            CASE_UPPER => (first..last).all(|t| analysis.is_upper(t)),
            _ => true,
        }
    }

    /// Every occurrence, overlaps included, case rules not applied; by first token,
    /// then shortest first.
    pub fn find_all(&self, analysis: &Analysis) -> Vec<PhraseHit> {
        let count = analysis.len();
        let mut hits = Vec::new();
        for first in 0..count {
            let bit = analysis.hash(first) & self.starter_mask;
            if self.starters[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let mut node = ROOT;
            for last in first..count.min(first + self.longest) {
                match self.edges.get(&(node, analysis.hash(last))) {
                    Some(&next) => node = next,
                    None => break,
                }
                let phrase = self.terminal[node as usize];
                if phrase != NO_PHRASE
                    && analysis.form_of(first, last + 1) == self.phrases[phrase as usize]
                {
                    hits.push(PhraseHit { phrase, first: first as u32, last: last as u32 + 1 });
                }
            }
        }
        hits
    }

    /// Non-overlapping occurrences, the leftmost and then the longest winning; an
    /// occurrence failing its case rule is none and leaves room for a shorter one.
    /// In text order.
    pub fn resolve(&self, analysis: &Analysis) -> Vec<PhraseHit> {
        let mut found = self.find_all(analysis);
        found.sort_unstable_by_key(|hit| (hit.first, std::cmp::Reverse(hit.last)));
        let mut kept = Vec::with_capacity(found.len());
        let mut taken_until = 0u32;
        for hit in found {
            let (first, last) = (hit.first as usize, hit.last as usize);
            if hit.first >= taken_until && self.case_ok(analysis, hit.phrase as usize, first, last) {
                taken_until = hit.last;
                kept.push(hit);
            }
        }
        kept
    }
}

/// Phrases of normalized text found as whole tokens of an `Analysis`, each with
/// optional weights towards some dimensions (topics, say).
#[pyclass(frozen, module = "newswire_text")]
pub struct PhraseMatcher {
    id: u64,
    phrases: Phrases,
    weights: Vec<Vec<(u32, f64)>>,
    dimensions: usize,
}

impl PhraseMatcher {
    fn weights_of(&self, analysis: &Analysis) -> Vec<f64> {
        let mut totals = vec![0.0; self.dimensions];
        for hit in self.phrases.resolve(analysis) {
            if let Some(pairs) = self.weights.get(hit.phrase as usize) {
                for &(dimension, weight) in pairs {
                    totals[dimension as usize] += weight;
                }
            }
        }
        totals
    }

    /// Weigh `analysis` now, for `weigh` to give later.
    pub fn weigh_ahead(&self, analysis: &Analysis) {
        let _ = analysis.weights_ahead.set((self.id, self.weights_of(analysis)));
    }

    /// `phrases` with their case rules and `(dimension, weight)` pairs (each list
    /// empty, or one entry per phrase).
    pub fn build(
        phrases: Vec<String>,
        cases: Vec<u8>,
        weights: Vec<Vec<(u32, f64)>>,
    ) -> Result<Self, String> {
        if !weights.is_empty() && weights.len() != phrases.len() {
            return Err(format!("{} weight lists for {} phrases", weights.len(), phrases.len()));
        }
        let dimensions =
            weights.iter().flatten().map(|&(d, _)| d as usize + 1).max().unwrap_or(0);
        let phrases = Phrases::new(phrases, cases)?;
        Ok(PhraseMatcher { id: next_id(), phrases, weights, dimensions })
    }

    /// `weigh`, from the results made ahead when they are this matcher's.
    pub fn weights(&self, analysis: &Analysis) -> Vec<f64> {
        match analysis.weights_ahead.get() {
            Some((id, totals)) if *id == self.id => totals.clone(),
            _ => self.weights_of(analysis),
        }
    }
}

#[pymethods]
impl PhraseMatcher {
    /// `phrases` are normalized text; `cases` (0 any, 1 title, 2 upper), one per phrase,
    /// are the case rules `resolve` applies, all 0 when not given.
    /// `weights`, one list per phrase, gives `(dimension, weight)` pairs for `weigh`.
    #[new]
    #[pyo3(signature = (phrases, cases=None, weights=None))]
    fn new(
        phrases: Vec<String>,
        cases: Option<Vec<u8>>,
        weights: Option<Vec<Vec<(u32, f64)>>>,
    ) -> PyResult<Self> {
        Self::build(phrases, cases.unwrap_or_default(), weights.unwrap_or_default())
            .map_err(PyValueError::new_err)
    }

    /// The weights of `resolve`'s occurrences summed per dimension (one per mention).
    fn weigh(&self, analysis: &Analysis) -> Vec<f64> {
        self.weights(analysis)
    }

    /// Non-overlapping occurrences, the leftmost and then the longest winning; an
    /// occurrence failing its case rule is none and leaves room for a shorter one.
    /// In text order.
    fn resolve(&self, analysis: &Analysis) -> Vec<PhraseHit> {
        self.phrases.resolve(analysis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANY: u8 = CASE_ANY;

    fn phrases(list: &[&str], cases: &[u8]) -> Phrases {
        Phrases::new(list.iter().map(|p| p.to_string()).collect(), cases.to_vec()).unwrap()
    }

    fn hits(found: Vec<PhraseHit>) -> Vec<(u32, u32, u32)> {
        found.into_iter().map(|h| (h.phrase, h.first, h.last)).collect()
    }

    #[test]
    fn phrases_match_whole_tokens_leftmost_longest() {
        let matcher = phrases(&["new york", "york", "new york times", "raqqa"], &[]);
        let analysis = Analysis::new("The New York Times in Newyork, York and al-Raqqah raqqa");
        assert_eq!(hits(matcher.resolve(&analysis)), [(2, 1, 4), (1, 6, 7), (3, 10, 11)]);
        let all = hits(matcher.find_all(&analysis));
        assert!(all.contains(&(0, 1, 3)) && all.contains(&(1, 2, 3)));
    }

    #[test]
    fn a_phrase_never_matches_inside_a_token() {
        let matcher = phrases(&["الرقه"], &[]);
        assert!(matcher.find_all(&Analysis::new("والرقهي الرقهي")).is_empty());
        assert_eq!(hits(matcher.resolve(&Analysis::new("في الرقّة"))), [(0, 1, 2)]);
    }

    #[test]
    fn case_rules_are_checked_against_the_original() {
        let matcher = phrases(&["us", "nice"], &[CASE_UPPER, CASE_TITLE]);
        let found = matcher.resolve(&Analysis::new("US troops in Nice"));
        assert_eq!(hits(found), [(0, 0, 1), (1, 3, 4)]);
        assert!(matcher.resolve(&Analysis::new("let us be nice, Us")).is_empty());
    }

    #[test]
    fn a_longer_phrase_failing_its_case_rule_leaves_room_for_a_shorter_one() {
        let matcher = phrases(&["us open", "open"], &[CASE_UPPER, ANY]);
        assert_eq!(hits(matcher.resolve(&Analysis::new("the Us Open"))), [(1, 2, 3)]);
        assert_eq!(hits(matcher.resolve(&Analysis::new("the US OPEN"))), [(0, 1, 3)]);
    }

    #[test]
    fn a_phrase_given_twice_keeps_its_first_index() {
        let matcher = phrases(&["raqqa", "beirut", "raqqa"], &[]);
        assert_eq!(hits(matcher.resolve(&Analysis::new("Raqqa"))), [(0, 0, 1)]);
        assert_eq!(matcher.len(), 3);
    }

    #[test]
    fn case_rules_must_be_one_per_phrase() {
        let made = Phrases::new(vec!["a".into(), "b".into()], vec![ANY]);
        assert_eq!(made.err().as_deref(), Some("1 case rules for 2 phrases"));
    }

    #[test]
    fn weights_add_up_per_mention() {
        let weights = vec![vec![(0, 2.0)], vec![(1, 1.0)]];
        let matcher =
            PhraseMatcher::build(vec!["air strike".into(), "strike".into()], vec![], weights)
                .unwrap();
        assert_eq!(matcher.weights(&Analysis::new("An air strike, then a strike.")), [2.0, 1.0]);
        let one_list = vec![vec![(0, 1.0)]];
        let wrong = PhraseMatcher::build(vec!["a".into(), "b".into()], vec![], one_list);
        assert!(wrong.is_err());
    }

    #[test]
    fn weights_made_ahead_are_taken_only_by_the_matcher_that_made_them() {
        let build = |weight: f64| {
            PhraseMatcher::build(vec!["raqqa".into()], vec![], vec![vec![(0, weight)]]).unwrap()
        };
        let (first, other) = (build(1.0), build(5.0));
        let analysis = Analysis::new("Raqqa and Raqqa");
        first.weigh_ahead(&analysis);
        assert_eq!(first.weights(&analysis), [2.0]);
        assert_eq!(other.weights(&analysis), [10.0]);
    }
}
