//! Analyses made on a thread of their own, without the GIL, while the caller goes
//! on with other work: the enrichment analyses the next group of articles while
//! it tags the current one.

use std::sync::Mutex;
use std::thread::JoinHandle;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::analysis::Analysis;

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

/// Start analysing `texts` on a new thread; the texts are copied first.
#[pyfunction]
pub fn analyze_later(texts: Vec<String>) -> PyResult<PendingAnalyses> {
    let handle = std::thread::Builder::new()
        .name("newswire-analysis".into())
        .spawn(move || texts.iter().map(|text| Analysis::new(text)).collect())
        .map_err(|exc| PyRuntimeError::new_err(format!("cannot start an analysis thread: {exc}")))?;
    Ok(PendingAnalyses { handle: Mutex::new(Some(handle)) })
}
