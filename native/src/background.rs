//! Analyses made on a thread of their own, without the GIL, while the caller goes
//! on with other work: the enrichment analyses (and matches) the articles of a batch
//! ahead of the group it tags.

use std::sync::mpsc::{channel, Receiver};
use std::sync::Mutex;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::analysis::Analysis;
use crate::entities::EntityFinder;
use crate::matcher::PhraseMatcher;

/// Analyses under way, made in the order of the texts; `take` hands them over as
/// they are made, so the caller can start on the first ones while the thread goes
/// on with the rest.
#[pyclass(module = "newswire_text")]
pub struct PendingAnalyses {
    state: Mutex<Pending>,
}

struct Pending {
    made: Receiver<Analysis>,
    left: usize,
}

impl PendingAnalyses {
    fn receive(&self, py: Python<'_>, count: usize) -> PyResult<Vec<Analysis>> {
        py.allow_threads(|| {
            let mut pending = self
                .state
                .lock()
                .map_err(|_| PyRuntimeError::new_err("pending analyses: lock poisoned"))?;
            if count > pending.left {
                return Err(PyRuntimeError::new_err(format!(
                    "{count} analyses asked for, {} left to take",
                    pending.left
                )));
            }
            let taken = (0..count)
                .map(|_| pending.made.recv())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| PyRuntimeError::new_err("the analysis thread stopped"))?;
            pending.left -= count;
            Ok(taken)
        })
    }
}

#[pymethods]
impl PendingAnalyses {
    /// The next `count` analyses, in the order of the texts, once made (the GIL is
    /// released meanwhile).
    fn take(&self, py: Python<'_>, count: usize) -> PyResult<Vec<Analysis>> {
        self.receive(py, count)
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
    let (send, made) = channel();
    let count = texts.len();
    let work = move || {
        let finder = finder.as_ref().map(Py::get);
        let matcher = matcher.as_ref().map(Py::get);
        for text in &texts {
            let analysis = Analysis::new(text);
            if let Some(finder) = finder {
                finder.find_ahead(&analysis);
            }
            if let Some(matcher) = matcher {
                matcher.weigh_ahead(&analysis);
            }
            if send.send(analysis).is_err() {
                break; // nobody will take the rest
            }
        }
    };
    std::thread::Builder::new()
        .name("newswire-analysis".into())
        .spawn(work)
        .map_err(|exc| PyRuntimeError::new_err(format!("cannot start an analysis thread: {exc}")))?;
    Ok(PendingAnalyses { state: Mutex::new(Pending { made, left: count }) })
}
