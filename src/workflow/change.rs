//! The change that ships a remediation item (`ship`): where it comes from and what kind
//! of reference it is. The reference is kept exactly as written; its kind only decides
//! how it is described (and, later, which references `unknown-change` looks up).
//!
//! Sources are tried in order: `--change`, then a `change:` already written in the item's
//! file. The git-history source of SPEC §4 (the newest commit of HEAD whose `Remediates:`
//! trailer names the item) is a further [`Source`] tried before the refusal in
//! [`resolve`]; until it exists, an item with neither is refused with both ways out.

use crate::error::{Refusal, Result};

/// What a change reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// 7 to 40 hexadecimal digits: a commit SHA.
    Commit,
    /// An `http://` or `https://` address: a pull/merge request or commit page.
    Url,
    /// Anything else that names the change: a release tag, a ticket key.
    Other,
}

impl Kind {
    /// The kind of `reference` (trimmed).
    pub(crate) fn of(reference: &str) -> Kind {
        if crate::text::is_commit_sha(reference) {
            Kind::Commit
        } else if crate::text::is_web_url(reference) {
            Kind::Url
        } else {
            Kind::Other
        }
    }

    /// How the kind is named in messages: "commit", "URL", "reference".
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Kind::Commit => "commit",
            Kind::Url => "URL",
            Kind::Other => "reference",
        }
    }
}

/// Where the change was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// `--change` on the command line: written into the file.
    Flag,
    /// `change:` already in the item's file: kept as it is.
    File,
}

/// The change an item ships with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    pub(crate) reference: String,
    pub(crate) kind: Kind,
    pub(crate) source: Source,
}

/// The change for item `id`: `--change` when given, else the one written in its file;
/// a refusal saying how to give one otherwise.
pub(crate) fn resolve(id: &str, given: Option<&str>, written: Option<&str>) -> Result<Change> {
    let found = given.map(|text| (text, Source::Flag)).or_else(|| written.map(|text| (text, Source::File)));
    match found {
        Some((text, source)) => Ok(Change { reference: text.trim().to_string(), kind: Kind::of(text), source }),
        None => Err(Refusal::NoChange { id: id.to_string() }.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn tells_commits_urls_and_other_references_apart() {
        for (text, kind) in [
            ("3f2a9c1", Kind::Commit),
            ("3F2A9C1D3F2A9C1D3F2A9C1D3F2A9C1D3F2A9C1D", Kind::Commit),
            ("3f2a9c", Kind::Other),
            ("3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d0", Kind::Other),
            ("deadbeefg", Kind::Other),
            ("https://github.com/acme/cart/pull/812", Kind::Url),
            ("HTTP://example.com/c/1", Kind::Url),
            ("v42.1.0", Kind::Other),
            ("CART-991", Kind::Other),
        ] {
            assert_eq!(Kind::of(text), kind, "{text}");
        }
    }

    #[test]
    fn takes_the_flag_then_the_file_else_refuses() {
        let flag = resolve("INC-1-R1", Some(" 3f2a9c1 "), Some("v1")).unwrap();
        assert_eq!((flag.reference.as_str(), flag.kind, flag.source), ("3f2a9c1", Kind::Commit, Source::Flag));
        let file = resolve("INC-1-R1", None, Some("v1")).unwrap();
        assert_eq!((file.reference.as_str(), file.source), ("v1", Source::File));
        let Err(Error::Refused(Refusal::NoChange { id })) = resolve("INC-1-R1", None, None) else { panic!("accepted") };
        assert_eq!(id, "INC-1-R1");
    }
}
