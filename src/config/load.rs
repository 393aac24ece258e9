//! Reading `.incidents.yml`: every key is validated and an unknown key or bad value is an
//! [`Error::Config`] naming the key, its line and what to write instead.

use super::{Config, Sections, Sprint};
use crate::clock::{parse_date, parse_days};
use crate::diagnostic::{Level, Rule};
use crate::error::{Error, Result};
use crate::lifecycle::{IncidentStatus, ItemStatus};
use crate::text::normalize_phrase;
use crate::yaml::KeyLines;
use crate::yaml::{self, Node, YamlErrorKind};
use globset::{Glob, GlobSetBuilder};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The config file's name at the root.
pub(crate) const CONFIG_FILE: &str = ".incidents.yml";

/// Every top-level key of `.incidents.yml` (the config schema lists the same keys).
pub(crate) const KEYS: [&str; 16] = [
    "dir",
    "id_prefix",
    "severities",
    "due_policy",
    "grace_period",
    "sprint",
    "rules",
    "vague_phrases",
    "non_evidence",
    "ignore",
    "sections",
    "open_editor",
    "owners",
    "classes",
    "git",
    "validation_timeout",
];

/// The most entries each config list may hold, by top-level key (`sections` counts each
/// status's list); lists not named here take [`MAX_LIST_ENTRIES`]. Every entry of a list
/// is compared with, or printed for, every record, so a config of thousands of entries
/// multiplied the work per record (issue 16: 5,000 required sections on 1,000 records
/// took 44 s and printed 865 MB). Real configs use a handful of each.
pub(crate) const LIST_CAPS: [(&str, usize); 4] =
    [("severities", 20), ("sections", 30), ("vague_phrases", 200), ("ignore", 200)];
/// The cap of a list [`LIST_CAPS`] does not name.
pub(crate) const MAX_LIST_ENTRIES: usize = 200;
/// The longest entry of any config list, in characters.
pub(crate) const MAX_ENTRY_CHARS: usize = 256;

// The built-in lists fit their own caps.
const _: () = assert!(super::DEFAULT_SEVERITIES.len() <= LIST_CAPS[0].1);
const _: () = assert!(super::DEFAULT_VAGUE_PHRASES.len() <= LIST_CAPS[2].1);

/// The cap on the list under `key` (a dotted path such as `sections.incident.closed`).
fn list_cap(key: &str) -> usize {
    let top = key.split('.').next().unwrap_or(key);
    LIST_CAPS.iter().find(|(name, _)| *name == top).map_or(MAX_LIST_ENTRIES, |(_, cap)| *cap)
}
/// The longest `non_evidence` phrase, in characters (stricter than [`MAX_ENTRY_CHARS`]; the
/// list takes [`MAX_LIST_ENTRIES`]): a non-answer is a word or two, and every short
/// evidence text is compared with every phrase.
pub(crate) const MAX_NON_EVIDENCE_CHARS: usize = 60;

/// Loads `<root>/.incidents.yml`, or the defaults when the file does not exist.
pub(crate) fn load(root: &Path) -> Result<Config> {
    let path = root.join(CONFIG_FILE);
    match crate::regular_file::read(&path, crate::yaml::MAX_BYTES as u64) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| Error::Config {
                path: path.clone(),
                line: None,
                key: String::new(),
                reason: "the file is not UTF-8: save it as UTF-8".to_string(),
            })?;
            parse(&text, &path)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(error) => Err(Error::io(path, error)),
    }
}

/// Parses config text; `path` is only used in errors and recorded as the source.
pub(crate) fn parse(text: &str, path: &Path) -> Result<Config> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Parsed (and so size-checked) before the key scan, which is only linear in small text.
    let node = yaml::parse(text).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        line: e.line,
        key: String::new(),
        reason: match e.kind {
            YamlErrorKind::Syntax => format!("not valid YAML: {}", e.message),
            YamlErrorKind::DuplicateKey => format!("{}: keep one of them (this is the second)", e.message),
            _ => format!("the file {}", e.message),
        },
    })?;
    let lines = KeyLines::scan(text, 1);
    let fail = |key: &str, reason: String| Error::Config {
        path: path.to_path_buf(),
        line: lines.get(key),
        key: key.to_string(),
        reason,
    };
    let mut config = Config { file: Some(path.to_path_buf()), ..Config::default() };
    let entries = match node {
        Node::Null => return Ok(config),
        Node::Map(entries) => entries,
        other => return Err(fail("", format!("the config must be a mapping of keys, not {}", other.type_name()))),
    };
    for (key, value) in &entries {
        let reader = Reader { key, value, fail: &fail };
        match key.as_str() {
            "dir" => config.dir = reader.relative_dir()?,
            "id_prefix" => config.id_prefix = reader.id_prefix()?,
            "severities" => config.severities = reader.severities()?,
            "grace_period" => config.grace_days = reader.days()?,
            "sprint" => config.sprint = reader.sprint()?,
            "rules" => config.rule_levels = reader.rule_levels()?,
            "vague_phrases" => {
                config.vague_phrases = reader.text_list(true)?.iter().map(|p| normalize_phrase(p)).collect()
            }
            "non_evidence" => config.non_evidence = reader.non_evidence()?,
            "ignore" => config.ignore = reader.text_list(true)?,
            "open_editor" => config.open_editor = reader.boolean()?,
            "owners" => {
                config.owners = Some(
                    super::owners::read(value, path.parent().unwrap_or(Path::new(".")))
                        .map_err(|r| fail("owners", r))?,
                )
            }
            "classes" => config.classes = super::classes::read(value).map_err(|reason| fail(key, reason))?,
            "git" => config.git = reader.git_mode()?,
            "validation_timeout" => config.validation_timeout = reader.timeout()?,
            "due_policy" | "sections" => {}
            unknown => {
                let hint = crate::suggest::closest(unknown, KEYS)
                    .map(|k| format!("; did you mean `{k}`?"))
                    .unwrap_or_default();
                return Err(fail(unknown, format!("unknown config key{hint} (known keys: {})", KEYS.join(", "))));
            }
        }
    }
    // The default due policy names the default severities: keep only those configured,
    // so `severities: [P1, P2]` has no policy unless `due_policy` gives one.
    let configured = config.severities.clone();
    config.due_policy.retain(|(severity, _)| configured.contains(severity));
    // Keys that depend on others are read once the others are known.
    for (key, value) in &entries {
        let reader = Reader { key, value, fail: &fail };
        match key.as_str() {
            "due_policy" => config.due_policy = reader.due_policy(&config.severities)?,
            "sections" => config.sections = reader.sections()?,
            _ => {}
        }
    }
    let mut globs = GlobSetBuilder::new();
    for pattern in &config.ignore {
        let glob = Glob::new(pattern).map_err(|e| {
            fail("ignore", format!("bad glob `{pattern}`: {e}; write globs like `incidents/drafts/**`"))
        })?;
        globs.add(glob);
    }
    config.ignore_set = globs
        .build()
        .map_err(|e| fail("ignore", format!("bad glob set: {e}; write globs like `incidents/drafts/**`")))?;
    Ok(config)
}

struct Reader<'a, F: Fn(&str, String) -> Error> {
    key: &'a str,
    value: &'a Node,
    fail: &'a F,
}

impl<F: Fn(&str, String) -> Error> Reader<'_, F> {
    fn err(&self, reason: String) -> Error {
        (self.fail)(self.key, reason)
    }

    fn text(&self) -> Result<String> {
        match self.value {
            Node::String(text) if !text.trim().is_empty() => Ok(text.trim().to_string()),
            Node::String(_) | Node::Null => {
                Err(self.err("is empty: write a value, or remove the key to use the default".to_string()))
            }
            other => Err(self.err(format!("expected text, found {}: write a single value", other.type_name()))),
        }
    }

    fn boolean(&self) -> Result<bool> {
        match self.value {
            Node::Bool(flag) => Ok(*flag),
            other => Err(self.err(format!("expected `true` or `false`, found {}", other.type_name()))),
        }
    }

    fn relative_dir(&self) -> Result<String> {
        let dir = self.text()?;
        let path = PathBuf::from(&dir);
        if path.is_absolute() || path.components().any(|c| matches!(c, std::path::Component::ParentDir)) {
            return Err(self.err(format!("`{dir}` must be a folder inside the root, written relative to it")));
        }
        Ok(dir.trim_end_matches('/').to_string())
    }

    fn id_prefix(&self) -> Result<String> {
        let prefix = self.text()?;
        if !prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(self.err(format!("`{prefix}` must be letters, digits or `_` (ids read `{prefix}-42`)")));
        }
        Ok(prefix)
    }

    fn text_list(&self, allow_empty: bool) -> Result<Vec<String>> {
        let Node::Seq(items) = self.value else {
            return Err(self.err(format!("expected a list, found {}", self.value.type_name())));
        };
        let cap = list_cap(self.key);
        if items.len() > cap {
            return Err(self.err(format!(
                "lists {} entries, more than the {cap} allowed: keep the ones that matter (each is checked against every record)",
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if item.text().is_some_and(|text| text.chars().count() > MAX_ENTRY_CHARS) {
                return Err(self.err(format!("holds an entry longer than {MAX_ENTRY_CHARS} characters: shorten it")));
            }
            match item.as_text() {
                Some(text) if !text.trim().is_empty() => out.push(text.trim().to_string()),
                _ => {
                    return Err(self.err(
                        "every entry must be non-empty text: write each on its own `- ` line, or drop the blank one"
                            .to_string(),
                    ))
                }
            }
        }
        if out.is_empty() && !allow_empty {
            return Err(self.err(
                "the list must not be empty: name at least one, or remove the key to use the default".to_string(),
            ));
        }
        Ok(out)
    }

    /// `non_evidence`: short phrases with at least one letter or digit (punctuation is
    /// dropped before comparing, so a phrase of only punctuation would match nothing).
    fn non_evidence(&self) -> Result<Vec<String>> {
        let list = self.text_list(true)?;
        for phrase in &list {
            if phrase.chars().count() > MAX_NON_EVIDENCE_CHARS {
                return Err(self.err(format!(
                    "`{}…` is longer than {MAX_NON_EVIDENCE_CHARS} characters: list short non-answers such as `as discussed` or `see runbook`",
                    phrase.chars().take(20).collect::<String>()
                )));
            }
            if !phrase.chars().any(char::is_alphanumeric) {
                return Err(self.err(format!(
                    "`{phrase}` has no letter or digit: punctuation is ignored when texts are compared, so write words such as `as discussed`"
                )));
            }
        }
        Ok(list)
    }

    fn severities(&self) -> Result<Vec<String>> {
        let list = self.text_list(false)?;
        for (index, severity) in list.iter().enumerate() {
            if list[..index].contains(severity) {
                return Err(self.err(format!("`{severity}` is listed twice: each severity once, most severe first")));
            }
        }
        Ok(list)
    }

    fn git_mode(&self) -> Result<super::GitMode> {
        match self.value.as_text().as_deref().map(str::trim) {
            Some("auto") => Ok(super::GitMode::Auto),
            Some("off") => Ok(super::GitMode::Off),
            _ => {
                Err(self
                    .err("write `auto` (read git history when the root is in a git work tree) or `off`".to_string()))
            }
        }
    }

    fn timeout(&self) -> Result<std::time::Duration> {
        let text = self.value.as_text().unwrap_or_default();
        super::parse_timeout(&text)
            .ok_or_else(|| self.err(format!("`{text}` is not a duration: write `90s`, `10m` or `1h`")))
    }

    fn days(&self) -> Result<i64> {
        let text = self.value.as_text().unwrap_or_default();
        parse_days(&text).ok_or_else(|| self.err(format!("`{text}` is not a span: write `7d` or `2w`")))
    }

    fn sprint(&self) -> Result<Option<Sprint>> {
        let Node::Map(entries) = self.value else {
            return Err(self.err("expected a mapping `{start: YYYY-MM-DD, length: 14d}`".to_string()));
        };
        let (mut start, mut length) = (None, None);
        for (key, value) in entries {
            let text = value.as_text().unwrap_or_default();
            match key.as_str() {
                "start" => {
                    start = Some(
                        parse_date(&text)
                            .ok_or_else(|| self.err(format!("sprint.start `{text}` is not a YYYY-MM-DD date")))?,
                    )
                }
                "length" => {
                    length =
                        Some(parse_days(&text).filter(|d| *d > 0).ok_or_else(|| {
                            self.err(format!("sprint.length `{text}` is not a span like `14d` or `2w`"))
                        })?)
                }
                other => return Err(self.err(format!("unknown key `sprint.{other}` (known: start, length)"))),
            }
        }
        match (start, length) {
            (Some(start), Some(length_days)) => Ok(Some(Sprint { start, length_days })),
            _ => Err(self.err("needs both `start` (a date) and `length` (e.g. `14d`)".to_string())),
        }
    }

    fn rule_levels(&self) -> Result<std::collections::HashMap<Rule, Level>> {
        let Node::Map(entries) = self.value else {
            return Err(self.err("expected a mapping of rule code to `error`, `warning` or `off`".to_string()));
        };
        let mut levels = std::collections::HashMap::new();
        for (code, value) in entries {
            let rule = Rule::from_code(code).ok_or_else(|| {
                let hint = Rule::closest(code).map(|r| format!("; did you mean `{r}`?")).unwrap_or_default();
                (self.fail)(
                    &format!("rules.{code}"),
                    format!("unknown rule code{hint} (`incidents explain --list` lists them)"),
                )
            })?;
            let text = value.as_text().unwrap_or_default();
            if rule == Rule::Syntax && text != "error" {
                // A record that cannot be read must never drop out of the gates silently.
                return Err((self.fail)(
                    &format!("rules.{code}"),
                    "`syntax` is always an error: an unreadable record would otherwise be skipped silently".to_string(),
                ));
            }
            let level = Level::parse(&text).ok_or_else(|| {
                (self.fail)(
                    &format!("rules.{code}"),
                    format!("`{text}` is not a level: write `error`, `warning` or `off`"),
                )
            })?;
            levels.insert(rule, level);
        }
        Ok(levels)
    }

    fn due_policy(&self, severities: &[String]) -> Result<Vec<(String, i64)>> {
        let Node::Map(entries) = self.value else {
            return Err(self.err("expected a mapping of severity to a span, e.g. `SEV1: 14d`".to_string()));
        };
        let mut policy = Vec::new();
        for (severity, value) in entries {
            let key = format!("due_policy.{severity}");
            if !severities.contains(severity) {
                return Err((self.fail)(
                    &key,
                    format!("`{severity}` is not a configured severity ({})", severities.join(", ")),
                ));
            }
            let text = value.as_text().unwrap_or_default();
            let days = parse_days(&text)
                .ok_or_else(|| (self.fail)(&key, format!("`{text}` is not a span: write `14d` or `2w`")))?;
            policy.push((severity.clone(), days));
        }
        Ok(policy)
    }

    fn sections(&self) -> Result<Sections> {
        let Node::Map(kinds) = self.value else {
            return Err(
                self.err("expected `incident:` and/or `remediation:` mappings of status to headings".to_string())
            );
        };
        let mut sections = Sections { incident: BTreeMap::new(), remediation: BTreeMap::new() };
        for (kind, statuses) in kinds {
            let (table, allowed): (&mut BTreeMap<String, Vec<String>>, &[&str]) = match kind.as_str() {
                "incident" => (&mut sections.incident, IncidentStatus::NAMES),
                "remediation" => (&mut sections.remediation, ItemStatus::NAMES),
                other => {
                    return Err((self.fail)(
                        &format!("sections.{other}"),
                        "unknown record kind: write `incident` or `remediation`".to_string(),
                    ))
                }
            };
            let Node::Map(entries) = statuses else {
                return Err((self.fail)(
                    &format!("sections.{kind}"),
                    "expected a mapping of status to a list of headings".to_string(),
                ));
            };
            for (status, headings) in entries {
                let key = format!("sections.{kind}.{status}");
                if !allowed.contains(&status.as_str()) {
                    return Err((self.fail)(
                        &key,
                        format!("`{status}` is not a {kind} status ({})", allowed.join(", ")),
                    ));
                }
                let reader = Reader { key: &key, value: headings, fail: self.fail };
                table.insert(status.clone(), reader.text_list(true)?);
            }
        }
        Ok(sections)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Config> {
        parse(text, Path::new(".incidents.yml"))
    }

    #[test]
    fn empty_config_is_the_default() {
        let config = parse_text("# nothing\n").unwrap();
        assert_eq!(config.dir, "incidents");
        assert_eq!(config.due_limit("SEV1"), Some(14));
        assert_eq!(config.grace_days, 7);
    }

    #[test]
    fn reads_every_key() {
        let config = parse_text(
            "dir: records\nid_prefix: OPS\nseverities: [P1, P2]\ndue_policy: {P1: 1w}\ngrace_period: 3d\nsprint: {start: 2026-01-05, length: 2w}\nrules: {overdue: error, vague-text: off}\nvague_phrases: [meh]\nnon_evidence: [as discussed]\nignore: ['records/drafts/**']\nopen_editor: false\nsections:\n  incident:\n    closed: [Timeline, Impact]\n",
        )
        .unwrap();
        assert_eq!(config.dir, "records");
        assert_eq!(config.id_prefix, "OPS");
        assert_eq!(config.due_limit("P1"), Some(7));
        assert_eq!(config.due_limit("SEV1"), None, "default policy entries for unconfigured severities are dropped");
        let custom = parse_text("severities: [P1, SEV2]\n").unwrap();
        assert_eq!(custom.due_policy, vec![("SEV2".to_string(), 30)]);
        assert_eq!(config.grace_days, 3);
        assert_eq!(config.sprint.map(|s| s.length_days), Some(14));
        assert_eq!(config.level(Rule::Overdue), Level::Error);
        assert_eq!(config.level(Rule::VagueText), Level::Off);
        assert!(config.is_vague("Meh."));
        assert_eq!(config.non_evidence, ["as discussed"]);
        assert!(config.is_ignored("records/drafts/x.md"));
        assert_eq!(config.sections.required("incident", "closed").len(), 2);
        assert!(!config.open_editor);
        assert!(config.sections.required("remediation", "validated").is_empty());
    }

    #[test]
    fn names_the_bad_key() {
        let long = format!("non_evidence: ['{}']\n", "x".repeat(61));
        let many = format!("non_evidence: [{}]\n", (0..201).map(|n| format!("p{n}")).collect::<Vec<_>>().join(", "));
        let cases = [
            ("dri: x\n", "dri", "did you mean `dir`"),
            ("rules:\n  overdeu: error\n", "rules.overdeu", "did you mean `overdue`"),
            ("rules: {overdue: loud}\n", "rules.overdue", "not a level"),
            ("grace_period: soon\n", "grace_period", "not a span"),
            ("due_policy: {SEV9: 3d}\n", "due_policy.SEV9", "not a configured severity"),
            ("severities: []\n", "severities", "must not be empty"),
            ("sections: {incident: {done: [x]}}\n", "sections.incident.done", "not a incident status"),
            ("dir: ../elsewhere\n", "dir", "inside the root"),
            ("sprint: {start: 2026-01-05}\n", "sprint", "length"),
            ("severities: [SEV1, SEV1]\n", "severities", "listed twice"),
            ("id_prefix: \"\"\n", "id_prefix", "is empty: write a value"),
            ("ignore: ['a[']\n", "ignore", "write globs like"),
            ("rules: {syntax: off}\n", "rules.syntax", "always an error"),
            ("open_editor: sometimes\n", "open_editor", "`true` or `false`"),
            ("open-editor: false\n", "open-editor", "did you mean `open_editor`"),
            ("non_evidence: as discussed\n", "non_evidence", "expected a list"),
            ("non_evidence: ['--']\n", "non_evidence", "no letter or digit"),
            ("non_evidence: ['']\n", "non_evidence", "non-empty text"),
            (long.as_str(), "non_evidence", "longer than 60"),
            (many.as_str(), "non_evidence", "more than the 200 allowed"),
            ("non_evidenc: [x]\n", "non_evidenc", "did you mean `non_evidence`"),
        ];
        for (text, key, reason) in cases {
            match parse_text(text) {
                Err(Error::Config { key: k, reason: r, .. }) => {
                    assert_eq!(k, key, "{text}");
                    assert!(r.contains(reason), "{text}: {r}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn caps_every_list() {
        let list = |n: usize, entry: &dyn Fn(usize) -> String| (0..n).map(entry).collect::<Vec<_>>().join(", ");
        let long = "x".repeat(MAX_ENTRY_CHARS + 1);
        for (key, cap) in LIST_CAPS {
            let at_cap = |n| match key {
                "sections" => format!("sections: {{incident: {{closed: [{}]}}}}\n", list(n, &|i| format!("S{i}"))),
                _ => format!("{key}: [{}]\n", list(n, &|i| format!("E{i}"))),
            };
            assert!(parse_text(&at_cap(cap)).is_ok(), "{key} at its cap of {cap}");
            let named = if key == "sections" { "sections.incident.closed" } else { key };
            match parse_text(&at_cap(cap + 1)) {
                Err(Error::Config { key: k, reason, .. }) => {
                    assert_eq!(k, named);
                    assert!(
                        reason.contains(&format!("lists {} entries, more than the {cap} allowed", cap + 1)),
                        "{reason}"
                    );
                }
                other => panic!("{key}: {other:?}"),
            }
            let text = at_cap(1).replace("0]", &format!("0, {long}]"));
            match parse_text(&text) {
                Err(Error::Config { key: k, reason, .. }) => {
                    assert_eq!(k, named);
                    assert!(reason.contains("longer than 256 characters"), "{reason}");
                    assert!(!reason.contains(&long), "the entry is not echoed");
                }
                other => panic!("{key}: {other:?}"),
            }
        }
        assert_eq!(list_cap("non_evidence"), MAX_LIST_ENTRIES, "a list added later is capped too");
    }

    #[test]
    fn reports_invalid_yaml_with_a_line() {
        assert!(matches!(parse_text("a: [\n"), Err(Error::Config { .. })));
        assert!(matches!(parse_text("- a\n"), Err(Error::Config { .. })));
    }
}
