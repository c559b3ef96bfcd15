//! What the storage indexes make of raw text, assembled per whitespace-free
//! chunk: the forms of every chunk are worked out once (in Python, or by the
//! database) and remembered here, so that the per-article work (splitting, look-ups,
//! joining, tsvector positions) runs without a Python object per word.

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;

use crate::fxhash::{FxHashMap, FxHashSet};

/// Stands for a tsvector position with several lexemes (`workers.storage.tsvector`).
const SEVERAL: &str = "\u{0}";
/// Positions of one lexeme kept by `to_tsvector` (MAXNUMPOS - 1).
const MAX_PART_POSITIONS: usize = 255;
/// MAXENTRYPOS - 1: larger positions are clamped to it.
const MAX_POSITION: usize = 16383;

/// Python's `str.split()` separators: Unicode white space and the four
/// information separators U+001C..U+001F.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn chunks_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_separator).filter(|c| !c.is_empty())
}

/// Chunk -> its forms, in text order.
#[pyclass(module = "newswire_text")]
#[derive(Default)]
pub struct ChunkForms {
    forms: FxHashMap<String, Box<[String]>>,
}

/// A chunk of text without forms.
pub struct Unknown(pub String);

impl From<Unknown> for PyErr {
    fn from(unknown: Unknown) -> PyErr {
        PyKeyError::new_err(unknown.0)
    }
}

impl ChunkForms {
    fn entries<'a>(&'a self, text: &'a str) -> Result<Vec<&'a str>, Unknown> {
        let mut found = Vec::new();
        for chunk in chunks_of(text) {
            match self.forms.get(chunk) {
                Some(forms) => found.extend(forms.iter().map(String::as_str)),
                None => return Err(Unknown(chunk.to_string())),
            }
        }
        Ok(found)
    }

    /// The non-empty forms of every chunk of `text`, joined by single spaces.
    pub fn joined(&self, text: &str) -> Result<String, Unknown> {
        let entries = self.entries(text)?;
        let mut out = String::with_capacity(text.len() + text.len() / 2);
        for form in entries.into_iter().filter(|f| !f.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(form);
        }
        Ok(out)
    }

    /// The weighted tsvector literal of a headline (A) and a body (B) whose forms
    /// are tsvector entry prefixes, one per position (empty for a stop word).
    /// None when PostgreSQL's limits or a position with several lexemes call for
    /// the general construction.
    pub fn tsvector_of(&self, headline: &str, body: &str) -> Result<Option<String>, Unknown> {
        let head = self.entries(headline)?;
        let tail = self.entries(body)?;
        let shift = head.iter().rposition(|e| !e.is_empty()).map_or(0, |p| p + 1);
        if head.len() > MAX_PART_POSITIONS
            || shift + tail.len() >= MAX_POSITION
            || head.iter().chain(&tail).any(|e| *e == SEVERAL)
            || (head.len() + tail.len() > MAX_PART_POSITIONS && repeats(&head, &tail))
        {
            return Ok(None);
        }
        let mut out = String::with_capacity(
            head.iter().chain(&tail).map(|e| e.len() + 7).sum::<usize>(),
        );
        let labelled = head
            .iter()
            .enumerate()
            .map(|(i, e)| (e, i + 1, 'A'))
            .chain(tail.iter().enumerate().map(|(i, e)| (e, shift + i + 1, 'B')));
        for (entry, position, weight) in labelled.filter(|(e, _, _)| !e.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(entry);
            out.push_str(&position.to_string());
            out.push(weight);
        }
        Ok(Some(out))
    }
}

#[pymethods]
impl ChunkForms {
    #[new]
    fn new() -> Self {
        ChunkForms::default()
    }

    fn __len__(&self) -> usize {
        self.forms.len()
    }

    fn clear(&mut self) {
        self.forms.clear();
    }

    /// The distinct chunks of `texts` without forms yet, in order of appearance.
    fn unknown(&self, texts: Vec<String>) -> Vec<String> {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut found = Vec::new();
        for text in &texts {
            for chunk in chunks_of(text) {
                if !self.forms.contains_key(chunk) && seen.insert(chunk) {
                    found.push(chunk.to_string());
                }
            }
        }
        found
    }

    fn add(&mut self, chunk: String, forms: Vec<String>) {
        self.forms.insert(chunk, forms.into_boxed_slice());
    }

    /// The non-empty forms of every chunk of `text`, joined by single spaces.
    /// KeyError names a chunk without forms.
    fn join(&self, text: &str) -> PyResult<String> {
        Ok(self.joined(text)?)
    }

    /// `tsvector_of`; KeyError names a chunk without forms.
    fn tsvector(&self, headline: &str, body: &str) -> PyResult<Option<String>> {
        Ok(self.tsvector_of(headline, body)?)
    }
}

/// Whether a lexeme occurs more often than a tsvector keeps its positions.
fn repeats(head: &[&str], tail: &[&str]) -> bool {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for entry in head.iter().chain(tail).filter(|e| !e.is_empty()) {
        let count = counts.entry(entry).or_insert(0);
        *count += 1;
        if *count > MAX_PART_POSITIONS {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(pairs: &[(&str, &[&str])]) -> ChunkForms {
        let mut made = ChunkForms::new();
        for (chunk, list) in pairs {
            made.add(chunk.to_string(), list.iter().map(|f| f.to_string()).collect());
        }
        made
    }

    #[test]
    fn chunks_are_cut_where_python_splits() {
        let found: Vec<&str> = chunks_of("a b\x1cc  a\u{a0}d\n").collect();
        assert_eq!(found, ["a", "b", "c", "a", "d"]);
    }

    #[test]
    fn the_forms_of_each_chunk_are_joined_in_text_order() {
        let mut made = forms(&[("a", &["x", "y"]), ("b", &[])]);
        assert_eq!(made.unknown(vec!["a b\x1cc  a".into(), "d a".into()]), ["c", "d"]);
        assert_eq!(made.joined("a b\ta").ok().as_deref(), Some("x y x y"));
        assert_eq!(made.joined("a e").err().map(|u| u.0).as_deref(), Some("e"));
        made.clear();
        assert_eq!(made.__len__(), 0);
    }

    #[test]
    fn tsvector_positions_run_on_from_the_headlines_last_lexeme() {
        let made = forms(&[("the", &[""]), ("cats", &["'cat':"]), ("sat", &["'sat':"])]);
        let vector = made.tsvector_of("cats the", "the cats sat").ok().flatten();
        assert_eq!(vector.as_deref(), Some("'cat':1A 'cat':3B 'sat':4B"));
    }

    #[test]
    fn tsvectors_beyond_what_the_literal_can_say_are_left_to_the_database() {
        let made = forms(&[("cats", &["'cat':"]), ("x", &[SEVERAL])]);
        assert_eq!(made.tsvector_of("x", "cats").ok(), Some(None));
        let long = vec!["cats"; 256].join(" ");
        assert_eq!(made.tsvector_of(&long, "").ok(), Some(None));
        assert_eq!(made.tsvector_of("cats", &long).ok(), Some(None));
    }
}
