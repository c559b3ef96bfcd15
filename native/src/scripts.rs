//! Which alphabets a text is written in: what language detection needs to tell
//! Arabic from Persian, Urdu, Kurdish and Pashto, and Arabic from Latin script.

use pyo3::prelude::*;

use crate::py_bool;

/// Letters of a text in Arabic script and in Latin script, and whether it has
/// letters that Persian, Urdu, Kurdish or Pashto add to the Arabic alphabet.
#[pyclass(frozen, get_all, eq, module = "newswire_text")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ScriptLetters {
    pub arabic: usize,
    pub latin: usize,
    pub other_alphabet: bool,
}

#[pymethods]
impl ScriptLetters {
    fn __repr__(&self) -> String {
        format!(
            "ScriptLetters(arabic={}, latin={}, other_alphabet={})",
            self.arabic,
            self.latin,
            py_bool(self.other_alphabet)
        )
    }
}

pub fn script_letters(text: &str) -> ScriptLetters {
    let mut found = ScriptLetters::default();
    for c in text.chars() {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F => found.latin += 1,
            0x067E | 0x0686 | 0x0698 | 0x06AF | 0x06CC // Persian
            | 0x0679 | 0x0688 | 0x0691 | 0x06BA | 0x06BE | 0x06C1 | 0x06D2 // Urdu
            | 0x0695 | 0x06B5 | 0x06CE // Kurdish
            | 0x067C | 0x0681 | 0x0685 | 0x0689 | 0x0693 | 0x0696 | 0x069A | 0x06AB | 0x06BC => {
                found.other_alphabet = true;
                found.arabic += 1;
            }
            0x0621..=0x064A | 0x0671..=0x06D3 | 0x06FA..=0x06FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC => {
                found.arabic += 1
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(text: &str) -> (usize, usize, bool) {
        let found = script_letters(text);
        (found.arabic, found.latin, found.other_alphabet)
    }

    #[test]
    fn arabic_and_latin_letters_are_counted_apart() {
        assert_eq!(counted("قال abc"), (3, 3, false));
        assert_eq!(counted("Élysée 2017 !"), (0, 6, false));
    }

    #[test]
    fn letters_other_languages_add_to_the_arabic_alphabet_are_told() {
        assert_eq!(counted("گفت"), (3, 0, true));
        assert_eq!(counted("پاکستان"), (7, 0, true));
    }
}
