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

use sha2::{Digest, Sha256};
use xxhash_rust::xxh3::xxh3_64;

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

/// Token hashes of normalized text (tokens separated by single spaces).
pub fn text_tokens(text: &str) -> Vec<u64> {
    text.split(' ').filter(|t| !t.is_empty()).map(|t| xxh3_64(t.as_bytes())).collect()
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
