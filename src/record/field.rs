//! A value read from front matter together with where it was written.

/// Whether a key was written and usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum FieldState {
    /// The key is not in the front matter.
    #[default]
    Absent,
    /// The key is there but empty, white space or a template placeholder.
    Blank,
    /// The key is there with a value of the wrong type or form (already reported).
    Invalid,
    /// The key holds a usable value.
    Set,
}

/// A front-matter value and the 1-based line of its key (line 1, the opening `---`,
/// when the key is absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field<T> {
    pub(crate) value: Option<T>,
    pub(crate) line: usize,
    pub(crate) state: FieldState,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Field { value: None, line: 1, state: FieldState::Absent }
    }
}

impl<T> Field<T> {
    /// A usable value at `line`.
    pub(crate) fn set(value: T, line: usize) -> Self {
        Field { value: Some(value), line, state: FieldState::Set }
    }

    /// A key written at `line` without a usable value.
    pub(crate) fn unusable(state: FieldState, line: usize) -> Self {
        Field { value: None, line, state }
    }

    /// Absent or blank: what `missing-*` rules look for. Invalid values are not
    /// missing; `invalid-value` has already reported them.
    pub(crate) fn is_missing(&self) -> bool {
        matches!(self.state, FieldState::Absent | FieldState::Blank)
    }

    pub(crate) fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }
}

/// A value with the line it was written on (list entries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) line: usize,
}
