//! A live connection handed to a screen through [`super::Start`]: the team session's room (host)
//! or connection (player). `Start` is compared and cloned like a value; a link is the same link
//! only as the same object, so it compares by identity and clones the handle.

use std::fmt;
use std::sync::Arc;

pub struct Link<T: ?Sized>(pub Arc<T>);

impl<T: ?Sized> Link<T> {
    pub fn new(inner: Arc<T>) -> Self {
        Self(inner)
    }
}

impl<T: ?Sized> Clone for Link<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T: ?Sized> PartialEq for Link<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Eq for Link<T> {}

impl<T: ?Sized> fmt::Debug for Link<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Link(..)")
    }
}
