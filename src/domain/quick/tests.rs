//! The reading of whole texts, and of texts edited.
