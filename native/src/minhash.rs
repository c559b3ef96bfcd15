//! MinHash signatures over word shingles of a normalized text.
//!
//! A shingle is `size` consecutive tokens as they stand in the text (joined by
//! their single spaces), hashed with XXH3-64 and folded to 32 bits; permutation
//! `i` maps that hash `h` to `fmix32(h ^ s_i)`, the MurmurHash3 finalizer (a
//! bijection of 32-bit values) of `h` mixed with a per-permutation seed `s_i`
//! drawn by SplitMix64 from the signature seed. Seed, hash and permutations are
//! part of the stored state: signatures made with other ones are not comparable.
//!
//! Every permutation of one shingle is the same few 32-bit operations, which the
//! compiler turns into vector instructions (eight lanes with AVX2, chosen at run
//! time when the processor has it).

use xxhash_rust::xxh3::xxh3_64;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub struct Permutations {
    seeds: Vec<u32>,
}

impl Permutations {
    pub fn new(count: usize, seed: u64) -> Self {
        let mut state = seed;
        Permutations { seeds: (0..count).map(|_| splitmix64(&mut state) as u32).collect() }
    }
}

/// Hashes of the shingles of `text`, whose tokens are separated by single spaces.
/// A text of fewer tokens than `size` is one shingle; an empty text has none.
fn shingle_hashes(text: &str, size: usize) -> Vec<u32> {
    if text.is_empty() {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut starts = vec![0usize];
    starts.extend(bytes.iter().enumerate().filter(|(_, &b)| b == b' ').map(|(i, _)| i + 1));
    let count = starts.len();
    if count <= size {
        return vec![fold(xxh3_64(bytes))];
    }
    (0..=count - size)
        .map(|first| {
            let end = if first + size < count { starts[first + size] - 1 } else { bytes.len() };
            fold(xxh3_64(&bytes[starts[first]..end]))
        })
        .collect()
}

#[inline(always)]
fn fold(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}

#[inline(always)]
fn fmix32(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x85EB_CA6B);
    x ^= x >> 13;
    x = x.wrapping_mul(0xC2B2_AE35);
    x ^ (x >> 16)
}

#[inline(always)]
fn minimums_portable(hashes: &[u32], seeds: &[u32], minimums: &mut [u32]) {
    for &hash in hashes {
        for (minimum, seed) in minimums.iter_mut().zip(seeds) {
            *minimum = (*minimum).min(fmix32(hash ^ seed));
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn minimums_avx2(hashes: &[u32], seeds: &[u32], minimums: &mut [u32]) {
    minimums_portable(hashes, seeds, minimums);
}

fn minimums(hashes: &[u32], seeds: &[u32], minimums: &mut [u32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has just been found to support AVX2.
        unsafe { minimums_avx2(hashes, seeds, minimums) };
        return;
    }
    minimums_portable(hashes, seeds, minimums);
}

/// One minimum per permutation over all shingles, `u32::MAX` each for a text without any.
pub fn signature(text: &str, size: usize, permutations: &Permutations) -> Vec<u32> {
    let mut result = vec![u32::MAX; permutations.seeds.len()];
    minimums(&shingle_hashes(text, size.max(1)), &permutations.seeds, &mut result);
    result
}
