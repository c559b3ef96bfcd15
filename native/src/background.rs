//! Analyses made on a thread of their own, without the GIL, while the caller goes
//! on with other work: the enrichment analyses the next group of articles while
//! it tags the current one.

use std::sync::Mutex;
use std::thread::JoinHandle;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::analysis::Analysis;
use crate::entities::EntityFinder;
use crate::matcher::PhraseMatcher;

/// Analyses under way; `wait` gives them, in the order of the texts.
#[pyclass(module = "newswire_text")]
pub struct PendingAnalyses {
    handle: Mutex<Option<JoinHandle<Vec<Analysis>>>>,
}

#[pymethods]
impl PendingAnalyses {
    /// The analyses, once made (the GIL is released meanwhile). Only once.
    fn wait(&self, py: Python<'_>) -> PyResult<Vec<Analysis>> {
        let handle = self
            .handle
            .lock()
            .map_err(|_| PyRuntimeError::new_err("pending analyses: lock poisoned"))?
            .take()
            .ok_or_else(|| PyRuntimeError::new_err("pending analyses were already taken"))?;
        py.allow_threads(move || handle.join())
            .map_err(|_| PyRuntimeError::new_err("the analysis thread panicked"))
    }
}

/// Start analysing `texts` on a new thread; the texts are copied first. With a
/// `finder` or a `matcher`, each analysis also holds what they find in it, which
/// their `find` and `weigh` then give without matching again.
#[pyfunction]
#[pyo3(signature = (texts, finder=None, matcher=None))]
pub fn analyze_later(
    texts: Vec<String>,
    finder: Option<Py<EntityFinder>>,
    matcher: Option<Py<PhraseMatcher>>,
) -> PyResult<PendingAnalyses> {
    let work = move || {
        let finder = finder.as_ref().map(Py::get);
        let matcher = matcher.as_ref().map(Py::get);
        texts
            .iter()
            .map(|text| {
                let analysis = Analysis::new(text);
                if let Some(finder) = finder {
                    finder.find_ahead(&analysis);
                }
                if let Some(matcher) = matcher {
                    matcher.weigh_ahead(&analysis);
                }
                analysis
            })
            .collect()
    };
    let handle = std::thread::Builder::new()
        .name("newswire-analysis".into())
        .spawn(work)
        .map_err(|exc| PyRuntimeError::new_err(format!("cannot start an analysis thread: {exc}")))?;
    Ok(PendingAnalyses { handle: Mutex::new(Some(handle)) })
}
