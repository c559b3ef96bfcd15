//! Text normalization (docs/ARCHITECTURE.md, Deduplication): the same story with
//! different diacritics, hamza spellings, digits, punctuation or case normalizes
//! to the same string.
//!
//! Text is cut into word runs: letters, digits and the marks that normalization
//! removes inside words (Arabic diacritics, tatweel, combining accents, invisible
//! characters). Everything else separates words. Each run normalizes on its own
//! into zero or more tokens, and the normalized text is every token joined by one
//! space, so token `i` always comes from a known run of the original.

use std::cell::RefCell;
use std::collections::HashMap;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

const TATWEEL: char = '\u{0640}';
const CACHE_LIMIT: usize = 1 << 17;

fn is_arabic_diacritic(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x08D3..=0x08FF)
}

/// Zero-width and directional marks, soft hyphen, BOM: invisible inside words, so
/// removed rather than taken as word breaks.
fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

fn is_removed(c: char) -> bool {
    c == TATWEEL || is_arabic_diacritic(c) || is_invisible(c)
}

/// Characters that belong to a word run of the original text.
pub fn is_run_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // the letters of plain Arabic and Latin text, without a Unicode table look-up
        0x0621..=0x064A | 0x0660..=0x0669 => true,
        0xD7 | 0xF7 => false,
        0xC0..=0x024F => true,
        _ => is_removed(c) || c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// Arabic letter variants unified, Arabic-Indic and Persian digits as ASCII digits:
/// `LETTER_FOLDING` and `DIGIT_BLOCKS` of workers/text/arabic.py, which
/// tests/unit/test_arabic_rules.py holds equal to this (and the removed marks to
/// `DIACRITIC_RANGES` and `TATWEEL`).
fn fold_letter(c: char) -> char {
    match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
        '\u{0649}' | '\u{06CC}' | '\u{06D2}' => '\u{064A}',
        '\u{0629}' | '\u{06C1}' | '\u{06D5}' => '\u{0647}',
        '\u{0624}' | '\u{0626}' => '\u{0621}',
        '\u{06A9}' => '\u{0643}',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// Letters written two ways in Latin spellings that canonical decomposition keeps whole.
fn ligature(c: char) -> Option<&'static str> {
    match c {
        'œ' => Some("oe"),
        'æ' => Some("ae"),
        'ø' => Some("o"),
        'ð' => Some("d"),
        'þ' => Some("th"),
        'ł' => Some("l"),
        _ => None,
    }
}

/// Arabic letter variants and digits unified, diacritics and tatweel dropped; the rest kept.
pub fn fold_arabic(text: &str) -> String {
    text.chars()
        .filter(|c| *c != TATWEEL && !is_arabic_diacritic(*c))
        .map(fold_letter)
        .collect()
}

/// Combining marks off ("é" -> "e"), so spellings with and without accents match.
pub fn strip_accents(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    text.nfd().filter(|c| canonical_combining_class(*c) == 0).nfc().collect()
}

/// Letters of plain Arabic text that need no Unicode normalization, only folding.
fn is_plain_arabic(c: char) -> bool {
    matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A | 0x0660..=0x0669)
}

fn normalize_general(run: &str) -> String {
    let folded: String = run.nfkc().filter(|c| !is_removed(*c)).map(fold_letter).collect();
    let mut lowered = String::with_capacity(folded.len());
    for c in folded.chars() {
        match c {
            'ß' | 'ẞ' => lowered.push_str("ss"),
            _ => lowered.extend(c.to_lowercase()),
        }
    }
    let stripped = strip_accents(&lowered);
    let mut out = String::with_capacity(stripped.len());
    let mut pending_space = false;
    for c in stripped.chars() {
        if let Some(replacement) = ligature(c) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(replacement);
        } else if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

thread_local! {
    static GENERAL: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Appends the tokens of one word run to `out`, each after a space unless `out` is
/// empty or ends with one, and the byte offset in `out` where each starts to `starts`.
pub fn push_run(run: &str, out: &mut String, starts: &mut Vec<u32>) {
    let separate = |out: &mut String| {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    if run.is_ascii() {
        separate(out);
        let start = out.len();
        starts.push(start as u32);
        out.push_str(run);
        out[start..].make_ascii_lowercase();
        return;
    }
    if run.chars().all(|c| is_plain_arabic(c) || c.is_ascii_alphanumeric() || is_removed(c)) {
        let before = out.len();
        separate(out);
        let start = out.len();
        for c in run.chars() {
            if !is_removed(c) {
                out.push(fold_letter(c).to_ascii_lowercase());
            }
        }
        if out.len() == start {
            out.truncate(before);
        } else {
            starts.push(start as u32);
        }
        return;
    }
    GENERAL.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.contains_key(run) {
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(run.to_owned(), normalize_general(run));
        }
        for token in cache[run].split(' ').filter(|t| !t.is_empty()) {
            separate(out);
            starts.push(out.len() as u32);
            out.push_str(token);
        }
    });
}

/// The word runs of `text` as (byte start, byte end) pairs.
pub fn word_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_run_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_run_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// NFKC, Arabic folding, accents, case and punctuation folded; tokens joined by single spaces.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut starts = Vec::new();
    for (start, end) in word_runs(text) {
        push_run(&text[start..end], &mut out, &mut starts);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alef_hamza_yeh_and_teh_marbuta_forms_fold_to_one_letter() {
        assert_eq!(normalize_text("أحمد إبراهيم آمنة ٱلله"), "احمد ابراهيم امنه الله");
        assert_eq!(normalize_text("مستشفى الرقة"), "مستشفي الرقه");
        assert_eq!(normalize_text("مؤتمر رئيس"), "مءتمر رءيس");
    }

    #[test]
    fn diacritics_tatweel_and_invisible_marks_vanish_inside_words() {
        assert_eq!(normalize_text("الرَّقَّة"), normalize_text("الرقة"));
        assert_eq!(normalize_text("الرقـــة"), "الرقه");
        assert_eq!(normalize_text("Ra\u{200b}qqa al\u{ad}Raqqah"), "raqqa alraqqah");
    }

    #[test]
    fn arabic_indic_and_persian_digits_read_as_ascii_digits() {
        assert_eq!(normalize_text("عام ٢٠١٧"), "عام 2017");
        assert_eq!(normalize_text("۱۴ اکتبر"), "14 اكتبر");
    }

    #[test]
    fn case_accents_ligatures_and_punctuation_are_folded() {
        assert_eq!(normalize_text("L'Élysée, ÇA où"), "l elysee ca ou");
        assert_eq!(normalize_text("Straße cœur Ærø"), "strasse coeur aero");
        assert_eq!(normalize_text("U.S.-led  coalition!"), "u s led coalition");
        assert_eq!(normalize_text("— …"), "");
    }

    #[test]
    fn compatibility_forms_are_decomposed() {
        assert_eq!(normalize_text("un ½ litre"), "un 1 2 litre");
        assert_eq!(normalize_text("ﬁnal"), "final");
    }

    #[test]
    fn fold_arabic_keeps_everything_but_arabic_variants_digits_and_marks() {
        assert_eq!(fold_arabic("Raqqa الرقّة ٢٠"), "Raqqa الرقه 20");
        assert_eq!(fold_arabic("à l'Élysée"), "à l'Élysée");
    }

    #[test]
    fn strip_accents_takes_off_combining_marks_only() {
        assert_eq!(strip_accents("Élysée ça où naïve"), "Elysee ca ou naive");
        assert_eq!(strip_accents("plain"), "plain");
        assert_eq!(strip_accents("الرقة"), "الرقة");
    }

    #[test]
    fn word_runs_are_cut_at_every_separator() {
        let text = "al-Raqqa, 2017 (AFP)";
        let runs: Vec<&str> = word_runs(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(runs, ["al", "Raqqa", "2017", "AFP"]);
    }
}
