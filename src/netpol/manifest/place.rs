//! Where an object is: the file, the document's first line, and the object's start in it, so
//! that every error and note of a `List` item points at the item.

use serde::de::DeserializeOwned;
use serde_saphyr::{DefaultMessageFormatter, MessageFormatter};

use super::ManifestError;
use super::convert::Invalid;
use super::split::clean;

/// Where in which file the document being read is, and where in it the object being read
/// starts (line 1, column 1 for a document of its own; the item's position in a `List`).
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    pub path: &'a str,
    pub first_line: u64,
    pub object_line: u64,
    pub object_column: u64,
}

impl Place<'_> {
    /// The file line of the object's start, for notes.
    pub fn line(&self) -> u64 {
        self.first_line + self.object_line - 1
    }

    pub fn error(&self, line: u64, column: u64, message: &str) -> ManifestError {
        ManifestError::Invalid {
            path: self.path.to_string(),
            line: line + self.first_line - 1,
            column,
            message: clean(message),
        }
    }

    /// An error at the object's start.
    pub fn object_error(&self, message: &str) -> ManifestError {
        self.error(self.object_line, self.object_column, message)
    }

    pub fn invalid(&self, problem: Invalid) -> ManifestError {
        self.error(problem.at.line(), problem.at.column(), &problem.message)
    }

    pub fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, ManifestError> {
        serde_saphyr::from_str(text).map_err(|error| {
            let (line, column) = error
                .location()
                .map_or((1, 1), |at| (at.line(), at.column()));
            let message = DefaultMessageFormatter.format_message(&error);
            self.error(line, column, &message)
        })
    }
}
