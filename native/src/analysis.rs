//! One text, normalized once, with every normalized token tied to the word run of
//! the original it comes from: matches found in normalized text are reported as
//! token spans, and those give back offsets and surface forms as written.

use pyo3::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use crate::normalize::{is_run_char, push_run};

#[derive(Clone, Copy)]
pub struct Run {
    pub byte_start: u32,
    pub byte_end: u32,
    pub char_start: u32,
    pub char_end: u32,
}

/// A text and its normalization. Tokens are numbered from 0; a span of tokens is
/// `[first, last)`.
#[pyclass(frozen, module = "newswire_text")]
pub struct Analysis {
    original: String,
    /// The normalized text between one leading and one trailing space.
    padded: String,
    /// Byte offset in `padded` where each token starts.
    starts: Vec<u32>,
    /// Index into `runs` of each token's word run.
    token_run: Vec<u32>,
    /// `token_hash` of each token.
    hashes: Vec<u64>,
    runs: Vec<Run>,
}

impl Analysis {
    pub fn new(original: &str) -> Self {
        let mut normalized = String::with_capacity(original.len() + 2);
        normalized.push(' ');
        let mut starts: Vec<u32> = Vec::new();
        let mut token_run: Vec<u32> = Vec::new();
        let mut runs: Vec<Run> = Vec::new();
        let mut run_start: Option<(usize, u32)> = None;
        let mut chars = 0u32;
        let mut close = |start: usize, end: usize, char_start: u32, char_end: u32| {
            let tokens_before = starts.len();
            push_run(&original[start..end], &mut normalized, &mut starts);
            if starts.len() > tokens_before {
                let index = runs.len() as u32;
                token_run.extend(std::iter::repeat(index).take(starts.len() - tokens_before));
                runs.push(Run {
                    byte_start: start as u32,
                    byte_end: end as u32,
                    char_start,
                    char_end,
                });
            }
        };
        for (offset, c) in original.char_indices() {
            match (is_run_char(c), run_start) {
                (true, None) => run_start = Some((offset, chars)),
                (false, Some((start, char_start))) => {
                    close(start, offset, char_start, chars);
                    run_start = None;
                }
                _ => {}
            }
            chars += 1;
        }
        if let Some((start, char_start)) = run_start {
            close(start, original.len(), char_start, chars);
        }
        normalized.push(' ');
        let padded = normalized;
        let mut analysis = Analysis {
            original: original.to_owned(),
            padded,
            starts,
            token_run,
            hashes: Vec::new(),
            runs,
        };
        analysis.hashes =
            (0..analysis.len()).map(|t| Self::token_hash(analysis.token_text(t))).collect();
        analysis
    }

    fn run_text(&self, token: usize) -> &str {
        let run = self.run_of(token);
        &self.original[run.byte_start as usize..run.byte_end as usize]
    }

    /// Whether the word run of `token` starts with an upper-case letter ("Nice", not "nice").
    pub fn is_capitalised(&self, token: usize) -> bool {
        self.run_text(token).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether every letter of the word run of `token` is upper case ("US", not "Us").
    pub fn is_upper(&self, token: usize) -> bool {
        self.run_text(token).chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    }

    /// The hash phrase tables use for one normalized token.
    pub fn token_hash(token: &str) -> u64 {
        xxh3_64(token.as_bytes())
    }

    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    pub fn token_text(&self, token: usize) -> &str {
        &self.padded[self.starts[token] as usize..self.token_end(token)]
    }

    /// The normalized tokens `[first, last)` joined by spaces.
    pub fn form_of(&self, first: usize, last: usize) -> &str {
        &self.padded[self.starts[first] as usize..self.token_end(last - 1)]
    }

    pub fn padded(&self) -> &str {
        &self.padded
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn normalized_text(&self) -> &str {
        &self.padded[1..self.padded.len() - 1]
    }

    /// Tokens `[first, last)` as written in the original, separators between them included.
    pub fn surface_of(&self, first: usize, last: usize) -> &str {
        let (start, end) = (self.run_of(first).byte_start, self.run_of(last - 1).byte_end);
        &self.original[start as usize..end as usize]
    }

    pub fn run_of(&self, token: usize) -> &Run {
        &self.runs[self.token_run[token] as usize]
    }

    fn check(&self, first: usize, last: usize) -> PyResult<()> {
        if first < last && last <= self.len() {
            Ok(())
        } else {
            Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "token span [{first}, {last}) outside 0..{}",
                self.len()
            )))
        }
    }

    fn token_end(&self, token: usize) -> usize {
        match self.starts.get(token + 1) {
            Some(&next) => next as usize - 1,
            None => self.padded.len() - 1,
        }
    }
}

#[pymethods]
impl Analysis {
    #[new]
    fn py_new(text: &str) -> Self {
        Analysis::new(text)
    }

    /// The text as given.
    #[getter]
    fn original(&self) -> &str {
        &self.original
    }

    /// The normalized text: tokens joined by single spaces.
    #[getter]
    fn normalized(&self) -> &str {
        self.normalized_text()
    }

    fn __len__(&self) -> usize {
        self.len()
    }

    /// Normalized token `index`.
    fn word(&self, index: usize) -> PyResult<&str> {
        self.check(index, index + 1)?;
        Ok(self.token_text(index))
    }

    /// The normalized tokens `[first, last)` joined by spaces.
    fn form(&self, first: usize, last: usize) -> PyResult<&str> {
        self.check(first, last)?;
        Ok(self.form_of(first, last))
    }

    /// Character offsets in the original of the word runs of tokens `[first, last)`.
    fn span(&self, first: usize, last: usize) -> PyResult<(u32, u32)> {
        self.check(first, last)?;
        Ok((self.run_of(first).char_start, self.run_of(last - 1).char_end))
    }

    /// Tokens `[first, last)` as written in the original (separators between them included).
    fn surface(&self, first: usize, last: usize) -> PyResult<&str> {
        self.check(first, last)?;
        Ok(self.surface_of(first, last))
    }

    /// Whether the word run of token `index` starts with an upper-case letter.
    fn capitalised(&self, index: usize) -> PyResult<bool> {
        self.check(index, index + 1)?;
        Ok(self.is_capitalised(index))
    }
}
