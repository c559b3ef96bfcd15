//! MinHash signatures over word shingles, by one-permutation hashing with optimal
//! densification (Shrivastava, ICML 2017): every shingle is hashed once, the hash
//! picks one of `k` bins and the bin keeps its smallest value; a bin no shingle
//! reached borrows the value of a filled bin chosen by a hash of the bin and an
//! attempt counter. Two texts agree on a bin with probability equal to the Jaccard
//! similarity of their shingle sets, as with `k` independent permutations, for one
//! hash per shingle instead of `k`.
//!
//! A shingle's hash combines the hashes of its tokens (`Analysis::token_hash`), so a
//! signature is the same whether the tokens come from an analysed article or from
//! normalized text. Seed, hashes and bins are part of the stored state: signatures
//! made any other way are not comparable.

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use sha2::{Digest, Sha256};
use xxhash_rust::xxh3::xxh3_64;

use crate::analysis::Analysis;

const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's finalizer: every input bit moves every output bit.
#[inline(always)]
fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of the shingle made of tokens with these hashes, in order.
#[inline(always)]
fn shingle_hash(tokens: &[u64], seed: u64) -> u64 {
    let mut h = seed;
    for &token in tokens {
        h = finalize(h ^ token.wrapping_add(MIX));
    }
    h
}

/// The `k` 32-bit values of the signature of these token hashes (in text order),
/// shingles of `size` tokens; fewer tokens than `size` make one shingle, no token none.
pub fn signature(tokens: &[u64], size: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut bins = vec![u32::MAX; k];
    if k == 0 || tokens.is_empty() {
        return bins;
    }
    let mut filled = vec![false; k];
    let mut put = |hash: u64| {
        let bin = (((hash >> 32) * k as u64) >> 32) as usize;
        let value = hash as u32;
        if !filled[bin] || value < bins[bin] {
            bins[bin] = value;
            filled[bin] = true;
        }
    };
    let size = size.max(1);
    if tokens.len() <= size {
        put(shingle_hash(tokens, seed));
    } else {
        for window in tokens.windows(size) {
            put(shingle_hash(window, seed));
        }
    }
    let originals: Vec<u32> = bins.clone();
    for bin in 0..k {
        if filled[bin] {
            continue;
        }
        let mut attempt = 0u64;
        loop {
            let pick = finalize(seed ^ ((bin as u64) << 32 | attempt).wrapping_mul(MIX));
            let source = (((pick >> 32) * k as u64) >> 32) as usize;
            if filled[source] {
                bins[bin] = originals[source];
                break;
            }
            attempt += 1;
        }
    }
    bins
}

/// Signature values packed little-endian, 4 bytes each.
pub fn pack(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Hex SHA-256 of some pieces of text joined by single spaces (empty pieces left out).
pub fn sha256_joined<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    let mut first = true;
    for piece in pieces.filter(|p| !p.is_empty()) {
        if !first {
            hasher.update(b" ");
        }
        hasher.update(piece.as_bytes());
        first = false;
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// What dedup compares of a text: the hex SHA-256 of its normalized tokens joined by
/// spaces and their MinHash signature (`num_perm` 32-bit values, little-endian).
#[pyclass(frozen, eq, module = "newswire_text")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    #[pyo3(get)]
    pub normalized_hash: String,
    pub signature: Vec<u8>,
}

#[pymethods]
impl Fingerprint {
    /// A fingerprint as stored or as specified: the dedup rules are stated over
    /// these two values (`workers/dedup/memory_state.py`).
    #[new]
    fn new(normalized_hash: String, signature: Vec<u8>) -> Self {
        Self { normalized_hash, signature }
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.signature)
    }

    fn __repr__(&self) -> String {
        format!(
            "Fingerprint(normalized_hash={:?}, signature=<{} bytes>)",
            self.normalized_hash,
            self.signature.len()
        )
    }
}

/// MinHash signatures of `num_perm` 32-bit values, packed little-endian.
#[pyclass(frozen, module = "newswire_text")]
pub struct MinHasher {
    num_perm: usize,
    seed: u64,
}

impl MinHasher {
    /// The fingerprint of an analysed text with tokens `[skip_from, skip_to)` left
    /// out. Without any token left, the whole original text is one shingle.
    pub fn fingerprint_of(
        &self,
        analysis: &Analysis,
        skip_from: usize,
        skip_to: usize,
        shingle_size: usize,
    ) -> Result<Fingerprint, String> {
        let count = analysis.len();
        if skip_from > skip_to || skip_to > count {
            return Err(format!("token span [{skip_from}, {skip_to}) outside 0..{count}"));
        }
        let kept = (0..skip_from).chain(skip_to..count);
        let mut tokens: Vec<u64> = kept.map(|t| analysis.hash(t)).collect();
        let pieces = [
            if skip_from > 0 { analysis.form_of(0, skip_from) } else { "" },
            if skip_to < count { analysis.form_of(skip_to, count) } else { "" },
        ];
        let normalized_hash = sha256_joined(pieces.into_iter());
        if tokens.is_empty() {
            tokens.push(xxh3_64(analysis.original_text().as_bytes()));
        }
        let signature = pack(&signature(&tokens, shingle_size, self.num_perm, self.seed));
        Ok(Fingerprint { normalized_hash, signature })
    }
}

#[pymethods]
impl MinHasher {
    #[new]
    pub fn new(num_perm: usize, seed: u64) -> Self {
        MinHasher { num_perm, seed }
    }

    /// `fingerprint_of`; IndexError for a span outside the tokens.
    fn fingerprint(
        &self,
        analysis: &Analysis,
        skip_from: usize,
        skip_to: usize,
        shingle_size: usize,
    ) -> PyResult<Fingerprint> {
        self.fingerprint_of(analysis, skip_from, skip_to, shingle_size)
            .map_err(PyIndexError::new_err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: u64 = 20171014;

    /// Token hashes of normalized text, as `Analysis` hashes its tokens.
    fn text_tokens(text: &str) -> Vec<u64> {
        text.split(' ').filter(|t| !t.is_empty()).map(|t| Analysis::token_hash(t)).collect()
    }

    fn of(text: &str, size: usize) -> Vec<u32> {
        signature(&text_tokens(text), size, 128, SEED)
    }

    fn agreement(a: &[u32], b: &[u32]) -> f64 {
        a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
    }

    fn hex_sha256(text: &str) -> String {
        Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn a_signature_depends_on_the_shingle_set_and_the_seed_only() {
        assert_eq!(of("a b c a b", 2), of("a b c a b c a b", 2));
        assert_eq!(of("a b c", 2), of("a b c", 2));
        assert_ne!(of("a b c a b", 2), of("a b c d", 2));
        assert_ne!(of("x y", 2), of("x yy", 2));
        assert_ne!(signature(&text_tokens("a b c"), 2, 128, 1), of("a b c", 2));
        assert_eq!(of("", 2), vec![u32::MAX; 128]);
        assert_eq!(of("only", 3).len(), 128);
    }

    #[test]
    fn equal_values_estimate_jaccard_without_bias() {
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let mut changed = words.clone();
        for i in (0..400).step_by(40) {
            changed[i] = format!("x{i}");
        }
        let pairs = |w: &[String]| -> std::collections::HashSet<(String, String)> {
            w.windows(2).map(|p| (p[0].clone(), p[1].clone())).collect()
        };
        let (a, b) = (pairs(&words), pairs(&changed));
        let truth = a.intersection(&b).count() as f64 / a.union(&b).count() as f64;
        let estimate = agreement(&of(&words.join(" "), 2), &of(&changed.join(" "), 2));
        assert!((estimate - truth).abs() < 0.1, "{estimate} against {truth}");
        let other: Vec<String> = (0..400).map(|i| format!("z{i}")).collect();
        assert!(agreement(&of(&words.join(" "), 2), &of(&other.join(" "), 2)) < 0.1);
    }

    #[test]
    fn values_are_packed_little_endian() {
        assert_eq!(pack(&[1, 0x0102_0304]), [1, 0, 0, 0, 4, 3, 2, 1]);
    }

    #[test]
    fn a_fingerprint_leaves_out_the_skipped_tokens() {
        let hasher = MinHasher::new(128, 7);
        let analysis = Analysis::new("Headline here\nBEIRUT (AFP) - body words follow here");
        let made = hasher.fingerprint_of(&analysis, 2, 4, 2).unwrap();
        let kept = "headline here body words follow here";
        assert_eq!(made.normalized_hash, hex_sha256(kept));
        assert_eq!(made.signature, pack(&signature(&text_tokens(kept), 2, 128, 7)));
        let whole = hasher.fingerprint_of(&analysis, 0, 0, 2).unwrap();
        assert_eq!(whole.normalized_hash, hex_sha256(analysis.normalized_text()));
        assert!(hasher.fingerprint_of(&analysis, 3, 99, 2).is_err());
        assert!(hasher.fingerprint_of(&analysis, 3, 2, 2).is_err());
    }

    #[test]
    fn texts_without_words_are_one_shingle_of_their_own() {
        let hasher = MinHasher::new(64, SEED);
        let dashes = hasher.fingerprint_of(&Analysis::new("— …"), 0, 0, 2).unwrap();
        let marks = hasher.fingerprint_of(&Analysis::new("!! ??"), 0, 0, 2).unwrap();
        assert_eq!(dashes.normalized_hash, marks.normalized_hash);
        assert_ne!(dashes.signature, marks.signature);
        assert_ne!(dashes.signature, pack(&[u32::MAX; 64]));
    }
}
