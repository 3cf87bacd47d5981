//! The library read on a thread of its own when a review is opened, for
//! the details pane's related reviews: the review is on screen at once,
//! and the pane says it is looking until the library is read.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::app::Action;
use crate::library::{Corpus, Library};
use crate::store::Store;

/// The library being read for the review in `file`.
pub(super) struct RelatedJob {
    file: PathBuf,
    done: Receiver<Result<Arc<Corpus>, String>>,
}

impl RelatedJob {
    pub(super) fn start(store: &Store, file: PathBuf) -> std::io::Result<RelatedJob> {
        let (send, done) = mpsc::channel();
        let store = store.clone();
        std::thread::Builder::new()
            .name("related".into())
            .spawn(move || {
                let corpus = Library::load(&store, &mut |_, _| {})
                    .map(|library| Arc::new(Corpus::of_files(library.reviews())))
                    .map_err(|e| e.to_string());
                let _ = send.send(corpus);
            })?;
        Ok(RelatedJob { file, done })
    }

    /// The action that brings the library to the app, once it is read.
    pub(super) fn finished(&self) -> Option<Action> {
        let library = match self.done.try_recv() {
            Ok(library) => library,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the library could not be read".into()),
        };
        Some(Action::Related {
            file: self.file.clone(),
            library,
        })
    }
}
