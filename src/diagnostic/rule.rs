//! The registry of rules: every rule code with its default level, a one-line summary and
//! a full explanation. `check`, `explain`, config overrides and `docs/rules.md` all read
//! this table; a test keeps the codes unique and the docs in step.

use serde::Serialize;
use std::fmt;

/// A diagnostic's severity as shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's configured level: a severity, or switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Error,
    Warning,
    Off,
}

impl Level {
    /// Parses `error`, `warning` or `off`.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "error" => Some(Level::Error),
            "warning" => Some(Level::Warning),
            "off" => Some(Level::Off),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Off => "off",
        }
    }

    /// The severity a diagnostic gets at this level, `None` when the rule is off.
    pub(crate) fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Off => None,
        }
    }
}

macro_rules! rules {
    ($( $variant:ident = $code:literal, $level:ident, $summary:literal, $explanation:literal; )*) => {
        /// Every rule `incidents check` knows, named by its kebab-case code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) enum Rule { $($variant,)* }

        impl Rule {
            /// Every rule, in the order of SPEC §3.
            pub(crate) const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule code (contract), e.g. `missing-rollback`.
            pub(crate) fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            /// The level before any config override.
            pub(crate) fn default_level(self) -> Level {
                match self { $(Rule::$variant => Level::$level,)* }
            }

            /// One line: when the rule fires.
            pub(crate) fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $summary,)* }
            }

            /// What the rule checks, why, how to satisfy it, and an example (Markdown).
            pub(crate) fn explanation(self) -> &'static str {
                match self { $(Rule::$variant => $explanation,)* }
            }
        }
    };
}

include!("catalog.rs");

impl Rule {
    /// The rule with this code.
    pub(crate) fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.code() == code)
    }

    /// The known code closest to `code`, for "did you mean".
    pub(crate) fn closest(code: &str) -> Option<Rule> {
        crate::suggest::closest(code, Rule::ALL.iter().map(|rule| rule.code())).and_then(Rule::from_code)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Renders the whole registry as the Markdown of `docs/rules.md`.
pub(crate) fn rules_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from src/diagnostic/catalog.rs by `incidents explain --all`; a test keeps it in step. -->\n\n\
         Every diagnostic `incidents check` reports carries one of these codes. Levels can be\n\
         changed per rule in `.incidents.yml` (`rules: {overdue: error, vague-text: off}`);\n\
         `incidents explain <code>` prints the same text at the terminal.\n\n\
         | code | default | fires when |\n|---|---|---|\n",
    );
    for rule in Rule::ALL {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} |\n",
            rule.code(),
            rule.code(),
            rule.default_level().as_str(),
            rule.summary()
        ));
    }
    for rule in Rule::ALL {
        out.push('\n');
        out.push_str(&explain_markdown(*rule));
    }
    out
}

/// One rule's section: heading, level, summary, explanation.
pub(crate) fn explain_markdown(rule: Rule) -> String {
    format!(
        "## {}\n\nDefault level: **{}**. Fires when {}.\n\n{}\n",
        rule.code(),
        rule.default_level().as_str(),
        rule.summary(),
        rule.explanation().trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_kebab_case_and_explained() {
        let mut seen = HashSet::new();
        for rule in Rule::ALL {
            assert!(seen.insert(rule.code()), "duplicate code {}", rule.code());
            assert!(rule.code().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert!(rule.explanation().contains("Example"), "{} lacks an example", rule.code());
            assert_eq!(Rule::from_code(rule.code()), Some(*rule));
        }
        assert_eq!(Rule::ALL.len(), 31);
    }

    #[test]
    fn suggests_a_close_code() {
        assert_eq!(Rule::closest("missing-rolback"), Some(Rule::MissingRollback));
        assert_eq!(Rule::closest("zzzz"), None);
    }
}
