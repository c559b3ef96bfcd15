//! One text, normalized once, with every normalized token tied to the word run of
//! the original it comes from: matches found in normalized text are reported as
//! token spans, and those give back offsets and surface forms as written.

use std::sync::{Mutex, OnceLock};

use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBytes, PyList, PyString};
use xxhash_rust::xxh3::xxh3_64;

use crate::entities::Found;
use crate::fxhash::FxHashMap;

use crate::normalize::{is_run_char, push_run};

#[derive(Clone, Copy)]
pub struct Run {
    pub byte_start: u32,
    pub byte_end: u32,
    pub char_start: u32,
    pub char_end: u32,
}

#[derive(Clone, Copy)]
struct Token {
    /// Byte offset in `padded` where the token starts.
    start: u32,
    /// `token_hash` of the token.
    hash: u64,
    /// The word run of the original it comes from.
    run: Run,
}

/// Which ASCII bytes belong to word runs.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// A text and its normalization. Tokens are numbered from 0; a span of tokens is
/// `[first, last)`.
#[pyclass(frozen, module = "newswire_text")]
pub struct Analysis {
    original: String,
    /// The normalized text between one leading and one trailing space.
    padded: String,
    tokens: Vec<Token>,
    /// Results made for this text on the analysis thread, with the id of the
    /// finder or matcher that made them: the tagging steps take them from here
    /// instead of matching again.
    pub entities_ahead: OnceLock<(u64, Found)>,
    pub weights_ahead: OnceLock<(u64, Vec<f64>)>,
    /// `original` and `normalized` as Python strings, made on first read: the
    /// tagging steps read them many times per article, and each conversion decodes
    /// the whole text again.
    original_py: GILOnceCell<Py<PyString>>,
    normalized_py: GILOnceCell<Py<PyString>>,
}

impl Analysis {
    pub fn new(original: &str) -> Self {
        let bytes = original.as_bytes();
        let mut padded = String::with_capacity(original.len() + 2);
        padded.push(' ');
        let mut tokens: Vec<Token> = Vec::with_capacity(original.len() / 5);
        let mut starts: Vec<u32> = Vec::new();
        // the run being read: (byte start, char start, only ASCII so far)
        let mut run: Option<(usize, u32, bool)> = None;
        let mut chars = 0u32;
        let mut at = 0usize;
        let mut close = |start: usize, end: usize, char_start: u32, char_end: u32, ascii: bool| {
            let run = Run {
                byte_start: start as u32,
                byte_end: end as u32,
                char_start,
                char_end,
            };
            let text = &original[start..end];
            if ascii {
                if padded.len() > 1 {
                    padded.push(' ');
                }
                let token_start = padded.len();
                padded.push_str(text);
                padded[token_start..].make_ascii_lowercase();
                let hash = Self::token_hash(&padded[token_start..]);
                tokens.push(Token { start: token_start as u32, hash, run });
                return;
            }
            starts.clear();
            push_run(text, &mut padded, &mut starts);
            for (k, &token_start) in starts.iter().enumerate() {
                let token_end = match starts.get(k + 1) {
                    Some(&next) => next as usize - 1,
                    None => padded.len(),
                };
                let hash = Self::token_hash(&padded[token_start as usize..token_end]);
                tokens.push(Token { start: token_start, hash, run });
            }
        };
        while at < bytes.len() {
            let byte = bytes[at];
            let (word, width, ascii) = if byte < 0x80 {
                (ASCII_WORD[byte as usize], 1, true)
            } else {
                let c = original[at..].chars().next().unwrap_or(' ');
                (is_run_char(c), c.len_utf8(), false)
            };
            match run {
                None if word => run = Some((at, chars, ascii)),
                Some((start, char_start, run_ascii)) => {
                    if !word {
                        close(start, at, char_start, chars, run_ascii);
                        run = None;
                    } else if !ascii && run_ascii {
                        run = Some((start, char_start, false));
                    }
                }
                None => {}
            }
            at += width;
            chars += 1;
        }
        if let Some((start, char_start, run_ascii)) = run {
            close(start, bytes.len(), char_start, chars, run_ascii);
        }
        padded.push(' ');
        Analysis {
            original: original.to_owned(),
            padded,
            tokens,
            entities_ahead: OnceLock::new(),
            weights_ahead: OnceLock::new(),
            original_py: GILOnceCell::new(),
            normalized_py: GILOnceCell::new(),
        }
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

    /// `token_hash` of token `index`.
    #[inline]
    pub fn hash(&self, index: usize) -> u64 {
        self.tokens[index].hash
    }

    pub fn token_text(&self, token: usize) -> &str {
        &self.padded[self.tokens[token].start as usize..self.token_end(token)]
    }

    /// The normalized tokens `[first, last)` joined by spaces.
    pub fn form_of(&self, first: usize, last: usize) -> &str {
        &self.padded[self.tokens[first].start as usize..self.token_end(last - 1)]
    }

    pub fn padded(&self) -> &str {
        &self.padded
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn original_text(&self) -> &str {
        &self.original
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
        &self.tokens[token].run
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
        match self.tokens.get(token + 1) {
            Some(next) => next.start as usize - 1,
            None => self.padded.len() - 1,
        }
    }
}

/// Character offsets `[start, end)` in the original text.
#[pyclass(frozen, get_all, eq, module = "newswire_text")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
}

#[pymethods]
impl TextSpan {
    fn __repr__(&self) -> String {
        format!("TextSpan(start={}, end={})", self.start, self.end)
    }
}

#[pymethods]
impl Analysis {
    /// The text as given.
    #[getter]
    fn original(&self, py: Python<'_>) -> Py<PyString> {
        self.original_py
            .get_or_init(py, || PyString::new(py, &self.original).unbind())
            .clone_ref(py)
    }

    /// The normalized text: tokens joined by single spaces.
    #[getter]
    fn normalized(&self, py: Python<'_>) -> Py<PyString> {
        self.normalized_py
            .get_or_init(py, || PyString::new(py, self.normalized_text()).unbind())
            .clone_ref(py)
    }

    fn __len__(&self) -> usize {
        self.len()
    }

    /// The normalized tokens `[first, last)` joined by spaces.
    fn form(&self, first: usize, last: usize) -> PyResult<&str> {
        self.check(first, last)?;
        Ok(self.form_of(first, last))
    }

    /// Character offsets in the original of the word runs of tokens `[first, last)`.
    fn span(&self, first: usize, last: usize) -> PyResult<TextSpan> {
        self.check(first, last)?;
        Ok(self.span_of(first, last))
    }

    /// Tokens `[first, last)` as written in the original (separators between them included).
    fn surface(&self, first: usize, last: usize) -> PyResult<&str> {
        self.check(first, last)?;
        Ok(self.surface_of(first, last))
    }

    /// The normalized tokens, in order. Each word is one shared Python string for
    /// every text it occurs in (`WORDS`): no string is made per token, and the
    /// steps' set lookups reuse the hash the string keeps.
    fn words<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let mut words = WORDS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if words.len() > MAX_SHARED_WORDS {
            words.clear();
        }
        let items = (0..self.len()).map(|token| {
            let text = self.token_text(token);
            let entry = words
                .entry(self.hash(token))
                .or_insert_with(|| (text.into(), PyString::new(py, text).unbind()));
            if &*entry.0 == text {
                entry.1.clone_ref(py)
            } else {
                PyString::new(py, text).unbind()
            }
        });
        PyList::new(py, items.collect::<Vec<_>>())
    }

    /// `capitalised` of every token, in one call: one byte per token, 1 or 0 (a
    /// `bytes` is built in one copy, where a list of bools costs an object per token).
    fn capitals<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &as_bytes(&self.capitals_of()))
    }

    /// Per token, whether a name may not run on to the next token: something other
    /// than spaces, hyphens and apostrophes (a punctuation mark, a line break) stands
    /// between them. True for the last token. One byte per token, as `capitals`.
    fn breaks<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &as_bytes(&self.breaks_of()))
    }
}

/// The words `Analysis.words` has given, by token hash, with the text they stand
/// for (two words of one hash get strings of their own).
static WORDS: Mutex<FxHashMap<u64, (Box<str>, Py<PyString>)>> =
    Mutex::new(FxHashMap::with_hasher(crate::fxhash::FxBuild::new()));

/// How many words `WORDS` holds before it starts again, so that a stream of new
/// words (numbers, names) does not grow it for ever.
const MAX_SHARED_WORDS: usize = 1 << 18;

fn as_bytes(flags: &[bool]) -> Vec<u8> {
    flags.iter().map(|&flag| u8::from(flag)).collect()
}

impl Analysis {
    /// Character offsets in the original of the word runs of tokens `[first, last)`.
    pub fn span_of(&self, first: usize, last: usize) -> TextSpan {
        TextSpan { start: self.run_of(first).char_start, end: self.run_of(last - 1).char_end }
    }

    pub fn capitals_of(&self) -> Vec<bool> {
        (0..self.len()).map(|token| self.is_capitalised(token)).collect()
    }

    pub fn breaks_of(&self) -> Vec<bool> {
        (0..self.len()).map(|token| self.breaks_after(token)).collect()
    }

    /// Whether a name may not run on from `token` to the next (`breaks`).
    pub fn breaks_after(&self, token: usize) -> bool {
        if token + 1 >= self.len() {
            return true;
        }
        let (this, next) = (self.run_of(token), self.run_of(token + 1));
        if this.byte_start == next.byte_start {
            return false;
        }
        let gap = &self.original[this.byte_end as usize..next.byte_start as usize];
        gap.chars().any(|c| !matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '\u{a0}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_text;

    fn chars(text: &str, span: TextSpan) -> String {
        text.chars().skip(span.start as usize).take((span.end - span.start) as usize).collect()
    }

    #[test]
    fn tokens_map_back_to_the_text_as_written() {
        let text = "Le président Macron à Paris,\nوالرقّة (AFP).";
        let analysis = Analysis::new(text);
        assert_eq!(analysis.normalized_text(), "le president macron a paris والرقه afp");
        assert_eq!(analysis.len(), 7);
        assert_eq!(analysis.token_text(5), "والرقه");
        assert_eq!(analysis.form_of(1, 3), "president macron");
        assert_eq!(chars(text, analysis.span_of(1, 3)), "président Macron");
        assert_eq!(analysis.surface_of(4, 6), "Paris,\nوالرقّة");
        assert_eq!(analysis.original_text(), text);
    }

    #[test]
    fn span_offsets_count_characters_not_bytes() {
        let text = "الرقة ودمشق Raqqa";
        let analysis = Analysis::new(text);
        assert_eq!(analysis.span_of(2, 3), TextSpan { start: 12, end: 17 });
        assert_eq!(chars(text, analysis.span_of(1, 2)), "ودمشق");
    }

    #[test]
    fn a_word_that_normalizes_to_several_tokens_keeps_its_span() {
        let analysis = Analysis::new("un ½ litre");
        assert_eq!(analysis.normalized_text(), "un 1 2 litre");
        assert_eq!(analysis.surface_of(1, 2), "½");
        assert_eq!(analysis.surface_of(2, 3), "½");
        assert_eq!(analysis.span_of(1, 2), analysis.span_of(2, 3));
    }

    #[test]
    fn the_normalization_is_normalize_text_of_the_whole_text() {
        for text in ["L'Élysée a dit", "بالرقّة، والرقـة", "", "— …", "U.S.-led ½ Straße"] {
            assert_eq!(Analysis::new(text).normalized_text(), normalize_text(text));
        }
        assert_eq!(Analysis::new("— …").len(), 0);
    }

    #[test]
    fn capitals_are_read_from_the_original() {
        let analysis = Analysis::new("Le président Macron, US us Us الرقة");
        assert_eq!(analysis.capitals_of(), [true, false, true, true, false, true, false]);
        assert!(analysis.is_upper(3) && !analysis.is_upper(5));
    }

    #[test]
    fn punctuation_and_line_breaks_break_but_spaces_hyphens_and_apostrophes_do_not() {
        let analysis = Analysis::new("Paris Saint-Germain, l'OM\nNice");
        // paris saint germain l om nice
        assert_eq!(analysis.breaks_of(), [false, false, true, false, true, true]);
    }

    #[test]
    fn tokens_hash_as_their_normalized_text() {
        let analysis = Analysis::new("Raqqa الرقّة");
        assert_eq!(analysis.hash(0), Analysis::token_hash("raqqa"));
        assert_eq!(analysis.hash(1), Analysis::token_hash("الرقه"));
    }
}
