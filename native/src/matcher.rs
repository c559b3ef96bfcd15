//! Phrases of normalized tokens found in an `Analysis`: a trie over token hashes,
//! walked from every token, so a phrase only ever matches whole tokens ("الرقه"
//! never inside "والرقهي") and each token costs one table look-up.

use std::sync::atomic::{AtomicU64, Ordering};

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

/// `(phrase, first token, last token)`: the phrase covers tokens `[first, last)`.
pub type Hit = (u32, u32, u32);

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
    pub fn new(phrases: Vec<String>, cases: Vec<u8>) -> PyResult<Self> {
        if !cases.is_empty() && cases.len() != phrases.len() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{} case rules for {} phrases",
                cases.len(),
                phrases.len()
            )));
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
    pub fn find_all(&self, analysis: &Analysis) -> Vec<Hit> {
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
                    hits.push((phrase, first as u32, last as u32 + 1));
                }
            }
        }
        hits
    }

    /// Non-overlapping occurrences, the leftmost and then the longest winning; an
    /// occurrence failing its case rule is none and leaves room for a shorter one.
    /// In text order.
    pub fn resolve(&self, analysis: &Analysis) -> Vec<Hit> {
        let mut found = self.find_all(analysis);
        found.sort_unstable_by_key(|&(_, first, last)| (first, std::cmp::Reverse(last)));
        let mut kept = Vec::with_capacity(found.len());
        let mut taken_until = 0u32;
        for (phrase, first, last) in found {
            if first >= taken_until
                && self.case_ok(analysis, phrase as usize, first as usize, last as usize)
            {
                taken_until = last;
                kept.push((phrase, first, last));
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
        for (phrase, _, _) in self.phrases.resolve(analysis) {
            if let Some(pairs) = self.weights.get(phrase as usize) {
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
        let weights = weights.unwrap_or_default();
        if !weights.is_empty() && weights.len() != phrases.len() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{} weight lists for {} phrases",
                weights.len(),
                phrases.len()
            )));
        }
        let dimensions =
            weights.iter().flatten().map(|&(d, _)| d as usize + 1).max().unwrap_or(0);
        Ok(PhraseMatcher {
            id: next_id(),
            phrases: Phrases::new(phrases, cases.unwrap_or_default())?,
            weights,
            dimensions,
        })
    }

    /// The weights of `resolve`'s occurrences summed per dimension (one per mention).
    fn weigh(&self, analysis: &Analysis) -> Vec<f64> {
        match analysis.weights_ahead.get() {
            Some((id, totals)) if *id == self.id => totals.clone(),
            _ => self.weights_of(analysis),
        }
    }

    fn __len__(&self) -> usize {
        self.phrases.len()
    }

    /// Every occurrence of every phrase, overlaps included, case rules not applied:
    /// `(phrase, first token, last token)` by first token.
    fn find_all(&self, analysis: &Analysis) -> Vec<Hit> {
        self.phrases.find_all(analysis)
    }

    /// Non-overlapping occurrences, the leftmost and then the longest winning; an
    /// occurrence failing its case rule is none and leaves room for a shorter one.
    /// `(phrase, first token, last token)` in text order.
    fn resolve(&self, analysis: &Analysis) -> Vec<Hit> {
        self.phrases.resolve(analysis)
    }

    /// `resolve`'s occurrences counted per phrase: `(phrase, count)` by first occurrence.
    fn count(&self, analysis: &Analysis) -> Vec<(u32, u32)> {
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for (phrase, _, _) in self.phrases.resolve(analysis) {
            match counts.iter_mut().find(|(p, _)| *p == phrase) {
                Some((_, n)) => *n += 1,
                None => counts.push((phrase, 1)),
            }
        }
        counts
    }
}
