//! A set of normalized words, and where an analysis holds them: one pass over the
//! tokens' precomputed hashes instead of a Python lookup per token.

use pyo3::prelude::*;

use crate::analysis::Analysis;
use crate::fxhash::FxHashSet;

#[pyclass(frozen, module = "newswire_text")]
pub struct WordSet {
    hashes: FxHashSet<u64>,
    words: FxHashSet<String>,
}

#[pymethods]
impl WordSet {
    #[new]
    fn new(words: Vec<String>) -> Self {
        let hashes = words.iter().map(|w| Analysis::token_hash(w)).collect();
        WordSet { hashes, words: words.into_iter().collect() }
    }

    /// The indexes of the tokens of `analysis` that are words of the set.
    fn find(&self, analysis: &Analysis) -> Vec<usize> {
        (0..analysis.len())
            .filter(|&i| {
                self.hashes.contains(&analysis.hash(i)) && self.words.contains(analysis.token_text(i))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tokens_that_are_words_of_the_set_are_found_by_index() {
        let words = WordSet::new(vec!["raqqa".into(), "الرقه".into(), "new york".into()]);
        let analysis = Analysis::new("Raqqa and الرقّة, raqqah New York");
        assert_eq!(words.find(&analysis), [0, 2]);
    }
}
