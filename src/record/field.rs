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
    /// The line, as `u32`: a record has a few dozen fields and 40,000 records are held
    /// at once, so the field is 32 bytes instead of 40. Read it with [`Field::line`].
    at: u32,
    pub(crate) state: FieldState,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Field { value: None, at: 1, state: FieldState::Absent }
    }
}

impl<T> Field<T> {
    /// A usable value at `line`.
    pub(crate) fn set(value: T, line: usize) -> Self {
        Field { value: Some(value), at: narrow(line), state: FieldState::Set }
    }

    /// A key written at `line` without a usable value.
    pub(crate) fn unusable(state: FieldState, line: usize) -> Self {
        Field { value: None, at: narrow(line), state }
    }

    /// The 1-based line of the key (1, the opening `---`, when the key is absent).
    pub(crate) fn line(&self) -> usize {
        self.at as usize
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

/// A line number as stored in a [`Field`]: front matter is capped far below 4 billion
/// lines, so nothing is lost; a larger number would be kept as the largest `u32`.
fn narrow(line: usize) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}

/// A value with the line it was written on (list entries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) line: usize,
}
