//! The text work of newswire's enrichment that runs per character or per token:
//! normalization, token alignment with the original, phrase matching and MinHash;
//! and for storage, the index text and tsvectors assembled from per-chunk forms.

mod analysis;
mod background;
mod chunks;
mod entities;
mod fxhash;
mod matcher;
mod minhash;
mod normalize;
mod wordset;

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::analysis::Analysis;
use crate::background::{analyze_later, PendingAnalyses};
use crate::chunks::ChunkForms;
use crate::entities::EntityFinder;
use crate::matcher::PhraseMatcher;
use crate::minhash::{pack, sha256_joined, signature, text_tokens};
use crate::wordset::WordSet;

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

/// Combining marks off ("é" -> "e").
#[pyfunction]
fn strip_accents(text: &str) -> String {
    normalize::strip_accents(text)
}

/// Letters of `text` in Arabic script, in Latin script, and whether it has letters
/// that Persian, Urdu, Kurdish or Pashto add to the Arabic alphabet.
#[pyfunction]
fn script_letters(text: &str) -> (usize, usize, bool) {
    let (mut arabic, mut latin, mut other) = (0, 0, false);
    for c in text.chars() {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => latin += 1,
            0x067E | 0x0686 | 0x0698 | 0x06AF | 0x06CC // Persian
            | 0x0679 | 0x0688 | 0x0691 | 0x06BA | 0x06BE | 0x06C1 | 0x06D2 // Urdu
            | 0x0695 | 0x06B5 | 0x06CE // Kurdish
            | 0x067C | 0x0681 | 0x0685 | 0x0689 | 0x0693 | 0x0696 | 0x069A | 0x06AB | 0x06BC => {
                other = true;
                arabic += 1;
            }
            0x0621..=0x064A | 0x0671..=0x06D3 | 0x06FA..=0x06FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC => {
                arabic += 1
            }
            _ => {}
        }
    }
    (arabic, latin, other)
}

/// The normalization of `text` with each token tied to the original.
#[pyfunction]
fn analyze(text: &str) -> Analysis {
    Analysis::new(text)
}

/// MinHash signatures of `num_perm` 32-bit values, packed little-endian.
#[pyclass(frozen, module = "newswire_text")]
struct MinHasher {
    num_perm: usize,
    seed: u64,
}

#[pymethods]
impl MinHasher {
    #[new]
    fn new(num_perm: usize, seed: u64) -> Self {
        MinHasher { num_perm, seed }
    }

    /// Signature of the shingles of `shingle_size` tokens of a normalized text.
    fn signature<'py>(&self, py: Python<'py>, text: &str, shingle_size: usize) -> Bound<'py, PyBytes> {
        let values = signature(&text_tokens(text), shingle_size, self.num_perm, self.seed);
        PyBytes::new(py, &pack(&values))
    }

    /// The dedup fingerprint of an analysed text with tokens `[skip_from, skip_to)`
    /// left out: hex SHA-256 of the remaining tokens joined by spaces and the
    /// signature of their shingles. Without any token left, the whole original text
    /// is one shingle.
    fn fingerprint<'py>(
        &self,
        py: Python<'py>,
        analysis: &Analysis,
        skip_from: usize,
        skip_to: usize,
        shingle_size: usize,
    ) -> PyResult<(String, Bound<'py, PyBytes>)> {
        let count = analysis.len();
        if skip_from > skip_to || skip_to > count {
            return Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "token span [{skip_from}, {skip_to}) outside 0..{count}"
            )));
        }
        let kept = (0..skip_from).chain(skip_to..count);
        let mut tokens: Vec<u64> = kept.clone().map(|t| analysis.hash(t)).collect();
        let pieces = [
            if skip_from > 0 { analysis.form_of(0, skip_from) } else { "" },
            if skip_to < count { analysis.form_of(skip_to, count) } else { "" },
        ];
        let digest = sha256_joined(pieces.into_iter());
        if tokens.is_empty() {
            tokens.push(xxhash_rust::xxh3::xxh3_64(analysis.original_text().as_bytes()));
        }
        let packed = pack(&signature(&tokens, shingle_size, self.num_perm, self.seed));
        Ok((digest, PyBytes::new(py, &packed)))
    }
}

#[pymodule]
fn newswire_text(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(normalize_text, module)?)?;
    module.add_function(wrap_pyfunction!(fold_arabic, module)?)?;
    module.add_function(wrap_pyfunction!(strip_accents, module)?)?;
    module.add_function(wrap_pyfunction!(analyze, module)?)?;
    module.add_function(wrap_pyfunction!(analyze_later, module)?)?;
    module.add_function(wrap_pyfunction!(script_letters, module)?)?;
    module.add_class::<Analysis>()?;
    module.add_class::<PendingAnalyses>()?;
    module.add_class::<PhraseMatcher>()?;
    module.add_class::<EntityFinder>()?;
    module.add_class::<MinHasher>()?;
    module.add_class::<ChunkForms>()?;
    module.add_class::<WordSet>()?;
    Ok(())
}
