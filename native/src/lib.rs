//! The text work of newswire's enrichment that runs per character or per token:
//! normalization, token alignment with the original, phrase matching and MinHash;
//! and for storage, the index text and tsvectors assembled from per-chunk forms.
//!
//! The work is plain Rust, tested with `cargo test`; the Python interface (what
//! `native/newswire_text.pyi` declares) is thin wrappers over it, and its results
//! are small frozen classes with named fields.

mod analysis;
mod background;
mod chunks;
mod entities;
mod fxhash;
mod matcher;
mod minhash;
mod normalize;
mod scripts;
mod wordset;

use pyo3::prelude::*;

use crate::analysis::{Analysis, TextSpan};
use crate::background::{analyze_later, PendingAnalyses};
use crate::chunks::ChunkForms;
use crate::entities::{EntityFinder, EntryMentions, FoundMentions, PersonMentions};
use crate::matcher::{PhraseHit, PhraseMatcher};
use crate::minhash::{Fingerprint, MinHasher};
use crate::scripts::ScriptLetters;
use crate::wordset::WordSet;

/// Python's spelling of a bool, for the results' reprs.
fn py_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// NFKC, Arabic folding, accents, case and punctuation folded; tokens joined by single spaces.
#[pyfunction]
fn normalize_text(text: &str) -> String {
    normalize::normalize_text(text)
}

/// Arabic letter variants and digits unified, diacritics and tatweel dropped; the rest kept.
#[pyfunction]
fn fold_arabic(text: &str) -> String {
    normalize::fold_arabic(text)
}

/// Letters of `text` in Arabic script, in Latin script, and whether it has letters
/// that Persian, Urdu, Kurdish or Pashto add to the Arabic alphabet.
#[pyfunction]
fn script_letters(text: &str) -> ScriptLetters {
    scripts::script_letters(text)
}

/// The normalization of `text` with each token tied to the original.
#[pyfunction]
fn analyze(text: &str) -> Analysis {
    Analysis::new(text)
}

#[pymodule]
fn newswire_text(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(normalize_text, module)?)?;
    module.add_function(wrap_pyfunction!(fold_arabic, module)?)?;
    module.add_function(wrap_pyfunction!(analyze, module)?)?;
    module.add_function(wrap_pyfunction!(analyze_later, module)?)?;
    module.add_function(wrap_pyfunction!(script_letters, module)?)?;
    module.add_class::<Analysis>()?;
    module.add_class::<TextSpan>()?;
    module.add_class::<PendingAnalyses>()?;
    module.add_class::<PhraseMatcher>()?;
    module.add_class::<PhraseHit>()?;
    module.add_class::<EntityFinder>()?;
    module.add_class::<EntryMentions>()?;
    module.add_class::<PersonMentions>()?;
    module.add_class::<FoundMentions>()?;
    module.add_class::<MinHasher>()?;
    module.add_class::<Fingerprint>()?;
    module.add_class::<ChunkForms>()?;
    module.add_class::<WordSet>()?;
    module.add_class::<ScriptLetters>()?;
    Ok(())
}
